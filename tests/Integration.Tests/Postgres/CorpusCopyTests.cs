using AleppoDashboard.Ingest.Cli;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests.Postgres;

/// <summary>
/// <c>copy --to-postgres &lt;conn&gt; --db &lt;file&gt;</c> moves the seeds' SQLite corpus to a real server, checks every
/// table's rows and content hash, and the web app on the server then gives the same exports as on the file; a second
/// copy into the now filled database is refused.
/// </summary>
public sealed class CorpusCopyTests : IAsyncLifetime
{
    PostgresTestDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresTestServer.CreateDatabaseAsync();

    [Fact]
    public async Task The_copy_checks_out_and_serves_the_same_exports()
    {
        await using var sqlite = new DashboardAppFactory();
        using var onSqlite = sqlite.CreateRealClient();
        var expected = await onSqlite.GetStringAsync("/export/articles.csv");

        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await IngestProgram.RunAsync(["copy", "--to-postgres", database.ConnectionString, "--db", sqlite.DatabasePath], output, errors, CancellationToken.None);
        Assert.True(code == IngestProgram.Ok, output + "\n" + errors);
        Assert.Contains("articles: 5 rows -> 5 rows, content hash equal", output.ToString());
        Assert.Contains("copy checked", output.ToString());
        Assert.DoesNotContain(new System.Data.Common.DbConnectionStringBuilder { ConnectionString = database.ConnectionString }["Password"]!.ToString()!, output.ToString());

        await using (var postgres = new DashboardAppFactory(postgres: database.ConnectionString))
        {
            using var onPostgres = postgres.CreateRealClient();
            Assert.Equal(expected, await onPostgres.GetStringAsync("/export/articles.csv"));
        }

        var again = new StringWriter();
        Assert.Equal(IngestProgram.Fatal, await IngestProgram.RunAsync(["copy", "--to-postgres", database.ConnectionString, "--db", sqlite.DatabasePath], output, again, CancellationToken.None));
        Assert.Contains("already holds a corpus", again.ToString());
    }

    public async Task DisposeAsync() => await database.DisposeAsync();
}
