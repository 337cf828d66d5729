using AleppoDashboard.Data;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Loading;

/// <summary>
/// A fresh SQLite file (or, with <see cref="OnPostgres"/>, a fresh database on the test PostgreSQL server) and article
/// folder for one test, with the project's real reference files.
/// </summary>
public sealed class IngestHarness : IDisposable
{
    readonly TempFolder root = new();
    readonly PostgresTestDatabase? postgres;

    public string Articles { get; }
    public string DatabasePath => root.File("test.db");
    public IDbContextFactory<DashboardDb> Databases { get; }

    public IngestHarness() : this(null)
    {
    }

    IngestHarness(PostgresTestDatabase? postgres)
    {
        this.postgres = postgres;
        Articles = Directory.CreateDirectory(root.File("articles")).FullName;
        Databases = postgres is null
            ? DataServiceExtensions.CreateFactory(DatabasePath)
            : DataServiceExtensions.CreateFactory(DatabaseTarget.Postgres(postgres.ConnectionString));
    }

    /// <summary>A harness on a new database of the test PostgreSQL server (dropped on dispose).</summary>
    public static IngestHarness OnPostgres() => new(PostgresTestServer.CreateDatabaseAsync().GetAwaiter().GetResult());

    public IngestHarness WithSeeds()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Seeds))
        {
            File.Copy(file, Path.Combine(Articles, Path.GetFileName(file)));
        }
        return this;
    }

    public void Write(string name, string text) => File.WriteAllText(Path.Combine(Articles, name), text);

    public void WriteBytes(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(Articles, name), bytes);

    public Task<Corpus> OpenAsync(long maxFileBytes = 1024 * 1024) =>
        Corpus.OpenAsync(Databases, new ReferenceFiles(RepoPaths.Reference), maxFileBytes, TimeProvider.System);

    public async Task<IngestReport> IngestAsync(long maxFileBytes = 1024 * 1024) =>
        await (await OpenAsync(maxFileBytes)).Ingestor.IngestFolderAsync(Articles);

    public DashboardDb Db() => Databases.CreateDbContext();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        postgres?.Dispose();
        root.Dispose();
    }
}
