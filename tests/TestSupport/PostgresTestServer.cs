using System.Diagnostics;
using Npgsql;

namespace AleppoDashboard.TestSupport;

/// <summary>
/// A real PostgreSQL server for the tests. ./test.sh starts one (tests/postgres/test-server.sh) and passes its
/// superuser connection string in ALEPPO_TEST_POSTGRES; a test run without it (dotnet test on its own) starts one
/// with the same script and stops it when the test process exits. If no server can be had, the PostgreSQL tests fail
/// with the script's reason: they are never skipped.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "ALEPPO_TEST_POSTGRES";

    internal static string Script => Path.Combine(RepoPaths.Tests, "postgres", "test-server.sh");

    static readonly Lazy<string> admin = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The superuser's connection string (database 'postgres').</summary>
    public static string AdminConnectionString => admin.Value;

    /// <summary>A new, empty database on the server; dropped when the returned handle is disposed.</summary>
    public static async Task<PostgresTestDatabase> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new PostgresTestDatabase(name, new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString);
    }

    static string Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given) return given;
        var folder = Path.Combine(Path.GetTempPath(), "aleppo-pg-" + Guid.NewGuid().ToString("N"));
        var script = Path.Combine(RepoPaths.Tests, "postgres", "test-server.sh");
        var (code, output, errors) = Run(script, "start", folder);
        if (code != 0)
        {
            throw new InvalidOperationException($"No PostgreSQL server for the tests ({script} start failed): {errors.Trim()}");
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, "stop", folder);
        return output.Trim().Split('\n')[^1];
    }

    internal static (int Code, string Output, string Errors) Run(string script, string command, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script, command, folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, errors.Result);
    }
}

/// <summary>A database of the test server, dropped on dispose (its connections are ended first).</summary>
public sealed class PostgresTestDatabase(string name, string connectionString) : IAsyncDisposable, IDisposable
{
    public string Name { get; } = name;

    /// <summary>The superuser's connection string to this database.</summary>
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresTestServer.AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
