using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests.Postgres;

/// <summary>1,200 generated articles loaded by the web app on SQLite and on PostgreSQL, once for the whole test class.</summary>
public sealed class LargerCorpusApps : IAsyncLifetime
{
    public const int Articles = 1200;

    readonly TempFolder folder = new();
    PostgresTestDatabase database = null!;

    public DashboardAppFactory Sqlite { get; private set; } = null!;
    public DashboardAppFactory Postgres { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        GeneratedArticles.Write(folder.Path, Articles, "parity", seed: 21);
        database = await PostgresTestServer.CreateDatabaseAsync();
        Sqlite = new DashboardAppFactory(folder.Path);
        Postgres = new DashboardAppFactory(folder.Path, postgres: database.ConnectionString);
        _ = Sqlite.ServerAddress; // each loads the folder on its first start
        _ = Postgres.ServerAddress;
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
        Assert.Equal(LargerCorpusApps.Articles, Csv.Parse(await onSqlite.GetStringAsync("/export/articles.csv")).Rows.Count);
        Assert.Equal(LargerCorpusApps.Articles, Csv.Parse(await onPostgres.GetStringAsync("/export/articles.csv")).Rows.Count);
        await ExportParity.AssertSameAsync(onSqlite, onPostgres, filter);
    }
}
