using AleppoDashboard.TestSupport;
using Npgsql;

namespace AleppoDashboard.Integration.Tests.Postgres;

/// <summary>
/// The web app needs only read access (docs/postgres.md, "Roles"): once a writer (here the web app's own first-start
/// ingest, as the ingest worker would) has loaded the corpus, the app under the documented read-only role serves every
/// page, export and API, and that role cannot change a row.
/// </summary>
public sealed class ReadOnlyRoleTests : IAsyncLifetime
{
    PostgresTestDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresTestServer.CreateDatabaseAsync();

    [Fact]
    public async Task The_web_app_serves_every_route_under_the_read_only_role_and_that_role_cannot_write()
    {
        await using (var writer = new DashboardAppFactory(postgres: database.ConnectionString))
        {
            using var client = writer.CreateRealClient();
            Assert.True((await client.GetAsync("/")).IsSuccessStatusCode);
        }
        var reader = await CreateReaderAsync();
        await using (var app = new DashboardAppFactory(postgres: reader))
        {
            using var client = app.CreateRealClient();
            foreach (var route in DashboardRoutes.All)
            {
                var response = await client.GetAsync(route);
                Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} under the read-only role");
            }
            var articles = Csv.Parse(await client.GetStringAsync("/export/articles.csv")).Rows;
            Assert.Equal(5, articles.Count);
        }
        await using var connection = new NpgsqlConnection(reader);
        await connection.OpenAsync();
        foreach (var write in new[] { "DELETE FROM articles", "UPDATE dashboard_meta SET value = '0'", "CREATE TABLE sneaky (x int)" })
        {
            await using var command = new NpgsqlCommand(write, connection);
            await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        }
    }

    /// <summary>The role of docs/postgres.md, with this database's name.</summary>
    async Task<string> CreateReaderAsync()
    {
        var role = "reader_" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"""
            CREATE ROLE {role} LOGIN PASSWORD 'reader-pass';
            GRANT CONNECT ON DATABASE "{database.Name}" TO {role};
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role};
            ALTER ROLE {role} SET default_transaction_read_only = on;
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
            """, connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role, Password = "reader-pass" }.ConnectionString;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();
}
