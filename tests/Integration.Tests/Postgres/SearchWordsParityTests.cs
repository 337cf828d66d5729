using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests.Postgres;

/// <summary>
/// Words inside markup, dotted names and hyphenated names (the hostile articles: <c>&lt;script&gt;</c>,
/// <c>@DateTime.Now</c>, <c>javascript:alert(1)</c>, <c>exe.live</c>) are found by the same searches on both
/// providers. PostgreSQL's text-search parser read such text as a tag (dropped) or as one host-like token until the
/// search column split it as FTS5 does (PostgresSchema's dashboard_words).
/// </summary>
public sealed class SearchWordsParityTests : IAsyncLifetime
{
    PostgresTestDatabase database = null!;
    DashboardAppFactory sqlite = null!;
    DashboardAppFactory postgres = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresTestServer.CreateDatabaseAsync();
        sqlite = new DashboardAppFactory(HostileArticles.Folder);
        postgres = new DashboardAppFactory(HostileArticles.Folder, postgres: database.ConnectionString);
    }

    [Theory]
    [InlineData("script")]
    [InlineData("DateTime")]
    [InlineData("Now")]
    [InlineData("%22DateTime+Now%22")]
    [InlineData("%22DateTime.Now%22")]
    [InlineData("pwned")]
    [InlineData("alert")]
    [InlineData("exe")]
    [InlineData("%22on+a+wall%22")]
    [InlineData("window*")]
    public async Task A_search_finds_the_same_articles_and_sentences_on_both_providers(string q)
    {
        using var onSqlite = sqlite.CreateRealClient();
        using var onPostgres = postgres.CreateRealClient();
        var found = Csv.Parse(await onSqlite.GetStringAsync("/export/articles.csv?q=" + q)).Rows;
        Assert.True(found.Count > 0, $"q={q} finds nothing on SQLite: the fixture changed");
        Assert.Equal(found.Count, Csv.Parse(await onPostgres.GetStringAsync("/export/articles.csv?q=" + q)).Rows.Count);
        await ExportParity.AssertSameAsync(onSqlite, onPostgres, "?q=" + q);
    }

    public async Task DisposeAsync()
    {
        await sqlite.DisposeAsync();
        await postgres.DisposeAsync();
        await database.DisposeAsync();
    }
}
