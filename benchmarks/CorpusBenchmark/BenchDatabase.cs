using System.Diagnostics;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AleppoDashboard.CorpusBenchmark;

/// <summary>
/// One benchmark database of one corpus size: a SQLite file in the work folder, or a database named bench_&lt;size&gt; on a
/// PostgreSQL server (issue 21). The web app is given the connection string through its environment
/// (Database__ConnectionString), never on its command line.
/// </summary>
public sealed class BenchDatabase
{
    public required DatabaseProvider Provider { get; init; }
    public required DatabaseTarget Target { get; init; }
    public required string Name { get; init; }
    string? SqlitePath => Target.SqlitePath;

    public static BenchDatabase Sqlite(string work, int size) => new()
    {
        Provider = DatabaseProvider.Sqlite, Name = "SQLite",
        Target = DatabaseTarget.Sqlite(Path.Combine(work, $"db-{size}.db")),
    };

    /// <summary>A SQLite file at a path of the caller's choosing (the soak benchmark's own database).</summary>
    public static BenchDatabase SqliteFile(string path) => new()
    {
        Provider = DatabaseProvider.Sqlite, Name = "SQLite", Target = DatabaseTarget.Sqlite(path),
    };

    public static BenchDatabase Postgres(string serverConnection, int size) => new()
    {
        Provider = DatabaseProvider.Postgres, Name = "PostgreSQL",
        Target = DatabaseTarget.Postgres(new NpgsqlConnectionStringBuilder(serverConnection) { Database = $"bench_{size}" }.ConnectionString),
    };

    public IDbContextFactory<DashboardDb> Factory() => DataServiceExtensions.CreateFactory(Target);

    public async Task<bool> ExistsAsync()
    {
        if (SqlitePath is { } path) return File.Exists(path);
        await using var admin = await AdminAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", DatabaseName);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>Removes the database and makes an empty one (SQLite: deletes the file; the ingest creates it).</summary>
    public async Task RecreateAsync()
    {
        if (SqlitePath is { } path)
        {
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = await AdminAsync();
        // The name is bench_<number>, made here: never input.
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
        await new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", admin).ExecuteNonQueryAsync();
    }

    public async Task<double> SizeMbAsync()
    {
        if (SqlitePath is { } path) return new FileInfo(path).Length / 1024.0 / 1024.0;
        await using var admin = await AdminAsync();
        await using var command = new NpgsqlCommand("SELECT pg_database_size(@name)", admin);
        command.Parameters.AddWithValue("name", DatabaseName);
        return (long)(await command.ExecuteScalarAsync())! / 1024.0 / 1024.0;
    }

    /// <summary>
    /// After a bulk load: VACUUM ANALYZE, as autovacuum would do soon after (statistics for the planner, and the
    /// visibility map that lets PostgreSQL answer from an index alone). Timed and reported apart from the ingest.
    /// </summary>
    public async Task<TimeSpan> SettleAsync()
    {
        if (SqlitePath is not null) return TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(Target.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
        return clock.Elapsed;
    }

    /// <summary>The web app's arguments and environment for this database.</summary>
    public (string[] Arguments, Dictionary<string, string> Environment) WebSettings() => SqlitePath is { } path
        ? ([$"--Database:Path={path}"], [])
        : (["--Database:Provider=postgres"], new() { ["Database__ConnectionString"] = Target.ConnectionString! });

    public static void ClearPools()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    string DatabaseName => new NpgsqlConnectionStringBuilder(Target.ConnectionString).Database!;

    async Task<NpgsqlConnection> AdminAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Target.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}

/// <summary>
/// The PostgreSQL server of a run: the one named by --postgres or ALEPPO_BENCH_POSTGRES (a superuser's connection string,
/// since the benchmark creates its databases), else a throwaway one started with tests/postgres/test-server.sh in the work
/// folder and stopped at the end; with --keep-postgres it is left running (its connection string in
/// &lt;work&gt;/postgres-server/connection) and the next run of that work folder uses it again (so --reuse-db can reuse its
/// databases; stop it with test-server.sh stop &lt;work&gt;/postgres-server).
/// </summary>
public sealed class BenchPostgresServer : IDisposable
{
    readonly string? script;
    readonly string? folder;
    public string ConnectionString { get; }
    public string Description { get; }

    BenchPostgresServer(string connection, string description, string? script = null, string? folder = null) =>
        (ConnectionString, Description, this.script, this.folder) = (connection, description, script, folder);

    public static BenchPostgresServer Open(string? given, string root, string work, bool keep)
    {
        if (given is { Length: > 0 }) return new(given, $"PostgreSQL {PostgresConnection.Describe(given)} (given)");
        var script = Path.Combine(root, "tests", "postgres", "test-server.sh");
        var folder = Path.Combine(work, "postgres-server");
        if (File.Exists(Path.Combine(folder, "connection")) && Answers(File.ReadAllText(Path.Combine(folder, "connection")).Trim()) is { } kept)
        {
            return new(kept, $"PostgreSQL {PostgresConnection.Describe(kept)}, left running by an earlier run with --keep-postgres ({Settings(kept)})", keep ? null : script, folder);
        }
        Run(script, "stop", folder); // a server left by an interrupted run
        var (code, output) = Run(script, "start", folder);
        if (code != 0) throw new InvalidOperationException($"{script} start failed: {output}");
        var connection = output.Trim().Split('\n')[^1];
        return new(connection, $"PostgreSQL {PostgresConnection.Describe(connection)}, started by tests/postgres/test-server.sh ({Settings(connection)}, other settings Debian's defaults)", keep ? null : script, folder);
    }

    /// <summary>The server's fsync and shared_buffers settings as it runs, for the report.</summary>
    static string Settings(string connection)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        string Show(string name) => (string)new NpgsqlCommand($"SHOW {name}", c).ExecuteScalar()!;
        return $"fsync {Show("fsync")}; shared_buffers {Show("shared_buffers")}";
    }

    static string? Answers(string connection)
    {
        try
        {
            using var c = new NpgsqlConnection(connection);
            c.Open();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or ArgumentException)
        {
            return null;
        }
    }

    static (int Code, string Output) Run(string script, string command, string folder)
    {
        // fsync on: the test script turns it off (tests need no durability), a benchmark of the ingest must not, as
        // SQLite's WAL syncs at its checkpoints. (A server setting given on the command line, as the script gives
        // it, wins over ALTER SYSTEM: that was tried before and left fsync off.)
        var start = new ProcessStartInfo("bash", [script, command, folder]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ALEPPO_PG_FSYNC"] = "on";
        // 2 GB of shared buffers, not the script's 128 MB (Debian's default): a search reads most pages of the 873 MB
        // sentences table at 100,000 articles, and with 128 MB each is copied in from the OS cache again, with the
        // buffer replacement's work (`were`: 1.5 s with 128 MB, 0.4 s with its pages held). PostgreSQL's documentation suggests a quarter
        // of the memory for a dedicated server; SQLite reads its file through the OS cache whole.
        start.Environment["ALEPPO_PG_SHARED_BUFFERS"] = "2GB";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + errors.Result);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (script is not null) Run(script, "stop", folder!);
    }
}
