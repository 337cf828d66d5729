using System.Collections.Concurrent;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AleppoDashboard.Integration.Tests.Postgres;

/// <summary>
/// The PostgreSQL password never reaches a log line or a response: the web app on a real server, under a role with a
/// password of its own, is started, loads the seeds, serves every page, export and API and a bad request, with every
/// log message kept; none holds the password.
/// </summary>
public sealed class ConnectionSecretTests : IAsyncLifetime
{
    const string Password = "S3cret-Pg-Pass-7731";
    PostgresTestDatabase database = null!;
    string connectionString = "";

    public async Task InitializeAsync()
    {
        database = await PostgresTestServer.CreateDatabaseAsync();
        var role = "app_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand(
                $"CREATE ROLE {role} LOGIN PASSWORD '{Password}'; GRANT ALL ON DATABASE \"{database.Name}\" TO {role}; GRANT ALL ON SCHEMA public TO {role};", connection);
            await create.ExecuteNonQueryAsync();
        }
        connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role, Password = Password }.ConnectionString;
    }

    [Fact]
    public async Task The_password_is_in_no_log_line_and_no_response()
    {
        var logs = new ConcurrentQueue<string>();
        await using var app = new LoggedApp(connectionString, logs);
        using var client = app.CreateRealClient();
        var bodies = new List<string>();
        foreach (var route in DashboardRoutes.All.Append("/articles?q=%22unclosed").Append("/no-such-page"))
        {
            bodies.Add(await (await client.GetAsync(route)).Content.ReadAsStringAsync());
        }
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, line => line.Contains(Password, StringComparison.Ordinal));
        Assert.DoesNotContain(bodies, body => body.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public void A_description_of_the_database_leaves_the_password_out()
    {
        var target = DatabaseTarget.Postgres(connectionString);
        Assert.DoesNotContain(Password, target.ToString(), StringComparison.Ordinal);
        Assert.Contains(database.Name, target.ToString(), StringComparison.Ordinal);
        // A string that does not parse is not quoted back either.
        var bad = "Host=x;Password=" + Password + ";Bogus Key=1";
        Assert.DoesNotContain(Password, PostgresConnection.Describe(bad), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, PostgresConnection.Problem(bad) ?? "", StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    sealed class LoggedApp(string postgres, ConcurrentQueue<string> logs) : DashboardAppFactory(postgres: postgres)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(new QueueLogger(logs)));
        }
    }

    sealed class QueueLogger(ConcurrentQueue<string> logs) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue(formatter(state, exception) + " " + exception);

        public void Dispose() { }
    }
}
