using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests.Postgres;

/// <summary>1,200 generated articles loaded by the web app on SQLite and on PostgreSQL, once for the whole test class.</summary>
public sealed class LargerCorpusApps : IAsyncLifetime
{
    public const int Articles = 1200 + Undated;

    /// <summary>
    /// Articles with no date anywhere: PostgreSQL sorts NULL first under DESC and SQLite last, so they check that the
    /// newest-first list and articles.csv put them last on both.
    /// </summary>
    public const int Undated = 3;

    readonly TempFolder folder = new();
    PostgresTestDatabase database = null!;

    public DashboardAppFactory Sqlite { get; private set; } = null!;
    public DashboardAppFactory Postgres { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        GeneratedArticles.Write(folder.Path, Articles - Undated, "parity", seed: 21);
        WriteUndated(folder.Path);
        database = await PostgresTestServer.CreateDatabaseAsync();
        Sqlite = new DashboardAppFactory(folder.Path);
        Postgres = new DashboardAppFactory(folder.Path, postgres: database.ConnectionString);
        _ = Sqlite.ServerAddress; // each loads the folder on its first start
        _ = Postgres.ServerAddress;
    }

    static void WriteUndated(string folder)
    {
        var manifest = Path.Combine(folder, "manifest.csv");
        for (var i = 1; i <= Undated; i++)
        {
            var name = $"undated_{i:D5}.txt";
            File.WriteAllText(Path.Combine(folder, name),
                $"Rebels said they still held Hanano (undated report {i})\n\nBEIRUT – Government forces took control of Sakhour after heavy clashes, a military source said.\n");
            File.AppendAllLines(manifest, [$"{name},AFP,,,generated"]);
        }
    }

    public async Task DisposeAsync()
    {
        await Sqlite.DisposeAsync();
        await Postgres.DisposeAsync();
        await database.DisposeAsync();
        folder.Dispose();
    }
}

/// <summary>
/// A corpus larger than the seeds (1,200 generated articles from five outlets over four months, naming places, sources
/// and control claims, with sentences repeated between articles as wire copy is), loaded by the web app on SQLite and
/// on a real PostgreSQL server: every CSV export is the same row for row under filters of every kind, including the
/// count of origins (the stored shared-copy map) and searches. Both providers take their bulk-load path here (1,000 files or
/// more into an empty database).
/// </summary>
public sealed class LargerCorpusParityTests(LargerCorpusApps apps) : IClassFixture<LargerCorpusApps>
{
    public static TheoryData<string> Filters => new()
    {
        "",
        "?q=hanano",
        "?q=%22government+forces+took+control%22",
        "?q=sakh*+OR+ansari",
        "?from=2016-10-01&to=2016-10-31&outlet=afp&outlet=tasnim-news-agency",
        "?place=sheikh-saeed&origins=1",
        "?origins=1&q=rebels",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Every_export_is_the_same_row_for_row_on_both_providers(string filter)
    {
        using var onSqlite = apps.Sqlite.CreateRealClient();
        using var onPostgres = apps.Postgres.CreateRealClient();
        onSqlite.Timeout = onPostgres.Timeout = TimeSpan.FromMinutes(5);
        foreach (var client in new[] { onSqlite, onPostgres })
        {
            var articles = Csv.Parse(await client.GetStringAsync("/export/articles.csv")).Rows;
            Assert.Equal(LargerCorpusApps.Articles, articles.Count);
            // The undated are stored undated, and come last (newest first, undated last) on both providers.
            Assert.Equal(LargerCorpusApps.Undated, articles.Count(r => r["published"] == ""));
            Assert.All(articles.TakeLast(LargerCorpusApps.Undated), r => Assert.Equal("", r["published"]));
        }
        await ExportParity.AssertSameAsync(onSqlite, onPostgres, filter);
    }
}
