using AleppoDashboard.Data;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AleppoDashboard.Integration.Tests.Postgres;

/// <summary>
/// The end of a PostgreSQL bulk load (<see cref="PostgresBulkLoad.RestoreAsync"/>) puts the foreign keys back NOT VALID,
/// then builds the indexes and validates the keys on several connections. A row written while the keys were dropped
/// that breaks one still fails the restore; and a restore stopped after its keys came back, before they were
/// validated, is finished by the next open: every key validated, every index built, nothing left pending.
/// </summary>
public sealed class BulkLoadRestoreTests : IAsyncLifetime
{
    PostgresTestDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresTestServer.CreateDatabaseAsync();

    [Fact]
    public async Task ARowThatBreaksAKeyFailsTheRestoreAndTheNextOpenFinishesItOnceTheRowIsGone()
    {
        var factory = DataServiceExtensions.CreateFactory(DatabaseTarget.Postgres(database.ConnectionString));
        using var folder = new TempFolder();
        GeneratedArticles.Write(folder.Path, 20);
        var corpus = await Corpus.OpenAsync(factory, new ReferenceFiles(ReferenceFiles.DefaultFolder), 8 * 1024 * 1024, TimeProvider.System);
        await corpus.Ingestor.IngestFolderAsync(folder.Path);

        await using (var loader = await factory.CreateDbContextAsync())
        {
            await SchemaInitializer.DropSecondaryIndexesAsync(loader, default);
            Assert.Equal("0 f", await StateAsync());
            // A sentence of an article that does not exist, written while the keys are gone.
            await loader.Database.ExecuteSqlRawAsync("""
                INSERT INTO sentences ("Id", "ArticleId", "Index", "Length", "Paragraph", "Part", "Start", "Text")
                VALUES (999999, 999999, 0, 1, 0, 0, 0, 'x')
                """);
            var failure = await Assert.ThrowsAsync<PostgresException>(() => PostgresBulkLoad.RestoreAsync(loader, default));
            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, failure.SqlState);
        }
        var keys = factory.CreateDbContext().Model.GetEntityTypes().Sum(e => e.GetForeignKeys().Count());
        var state = await StateAsync();
        Assert.StartsWith($"{keys} ", state); // back, not all validated, still pending
        Assert.NotEqual($"{keys} {keys} true true 0", state);

        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM sentences WHERE \"Id\" = 999999");
            await PostgresBulkLoad.RestoreIfAbandonedAsync(db, default);
        }
        Assert.Equal($"{keys} {keys} true true 0", await StateAsync());
    }

    /// <summary>Foreign keys, of which validated; the search index and a secondary index present; the pending row (0 or 1).</summary>
    async Task<string> StateAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var keys = (long)(await new NpgsqlCommand(
            "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace", connection).ExecuteScalarAsync())!;
        if (keys == 0) return "0 " + (await new NpgsqlCommand("SELECT to_regclass('\"IX_sentences_search\"') IS NOT NULL", connection).ExecuteScalarAsync() is true ? "t" : "f");
        return (string)(await new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace) || ' '
                || (SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated AND connamespace = 'public'::regnamespace) || ' '
                || (to_regclass('"IX_sentences_search"') IS NOT NULL) || ' '
                || (to_regclass('"IX_place_mentions_PlaceId_ArticleId"') IS NOT NULL) || ' '
                || (SELECT count(*) FROM dashboard_meta WHERE key = 'bulk_load_dropped')
            """, connection).ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();
}
