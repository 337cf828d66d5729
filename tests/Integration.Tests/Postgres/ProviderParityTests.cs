using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests.Postgres;

/// <summary>
/// The seeds loaded by the web app on SQLite and on a real PostgreSQL server (tests/postgres/test-server.sh) give the
/// same CSV exports, row for row, unfiltered and under filters and searches of every kind of the query syntax; and every
/// page and API answers on PostgreSQL.
/// </summary>
public sealed class ProviderParityTests : IAsyncLifetime
{
    PostgresTestDatabase database = null!;
    DashboardAppFactory sqlite = null!;
    DashboardAppFactory postgres = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresTestServer.CreateDatabaseAsync();
        sqlite = new DashboardAppFactory();
        postgres = new DashboardAppFactory(postgres: database.ConnectionString);
    }

    public static TheoryData<string> Filters => new()
    {
        "",
        "?q=aleppo",
        "?q=%22east+aleppo%22",
        "?q=rebel*",
        "?q=rebel*+OR+army",
        "?q=%22government+forces%22+OR+regime",
        "?from=2016-11-01&to=2016-12-31",
        "?place=old-city",
        "?outlet=press-tv&q=aleppo",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Every_export_is_the_same_row_for_row_on_both_providers(string filter)
    {
        using var onSqlite = sqlite.CreateRealClient();
        using var onPostgres = postgres.CreateRealClient();
        await ExportParity.AssertSameAsync(onSqlite, onPostgres, filter);
    }

    [Fact]
    public async Task Every_page_and_api_answers_on_postgres()
    {
        using var client = postgres.CreateRealClient();
        foreach (var route in DashboardRoutes.Pages.Concat(DashboardRoutes.Apis))
        {
            foreach (var filter in new[] { "", "?q=aleppo", "?q=rebel*+OR+army" })
            {
                var response = await client.GetAsync(route + filter);
                Assert.True(response.IsSuccessStatusCode, $"{route}{filter}: {(int)response.StatusCode}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        await sqlite.DisposeAsync();
        await postgres.DisposeAsync();
        await database.DisposeAsync();
    }
}
