using AleppoDashboard.Data;
using AleppoDashboard.Data.Providers;

namespace AleppoDashboard.Ingest.Cli;

/// <summary>
/// <c>copy --to-postgres &lt;connection string&gt; --db &lt;sqlite file&gt;</c>: moves a corpus to a server
/// (<see cref="CorpusCopy"/>) and prints each table's row counts and whether its content hashes agree.
/// "-" as the connection string reads it from Database__ConnectionString, so that it need not stand on a command line.
/// </summary>
public static class CopyCommand
{
    public static async Task<int> RunAsync(CliArguments cli, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        if (!cli.Options.TryGetValue("to-postgres", out var connection) || !cli.Options.TryGetValue("db", out var file) || cli.Positional.Count != 0)
        {
            await errors.WriteLineAsync(CliArguments.Usage);
            return IngestProgram.Fatal;
        }
        if (connection == "-") connection = Environment.GetEnvironmentVariable("Database__ConnectionString") ?? "";
        var problem = string.IsNullOrWhiteSpace(connection) ? "no PostgreSQL connection string." : PostgresConnection.Problem(connection);
        if (problem is not null)
        {
            await errors.WriteLineAsync("error: " + problem);
            return IngestProgram.Fatal;
        }
        if (!File.Exists(file))
        {
            await errors.WriteLineAsync($"error: the SQLite file '{file}' does not exist.");
            return IngestProgram.Fatal;
        }
        var target = DatabaseTarget.Postgres(connection);
        try
        {
            await using var sqlite = await DataServiceExtensions.CreateFactory(file).CreateDbContextAsync(ct);
            await using var postgres = await DataServiceExtensions.CreateFactory(target).CreateDbContextAsync(ct);
            await output.WriteLineAsync($"copying {file} to {target}");
            var tables = await CorpusCopy.CopyAsync(sqlite, postgres, ct);
            foreach (var table in tables) await output.WriteLineAsync(table.ToString());
            var ok = tables.All(t => t.Matches);
            await (ok ? output : errors).WriteLineAsync(ok ? "copy checked: every table's rows and content agree" : "error: the copy differs from the SQLite file");
            return ok ? IngestProgram.Ok : IngestProgram.Fatal;
        }
        catch (Exception e) when (e is InvalidOperationException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            // Npgsql's and our messages name the server (host:port/database), never the password.
            await errors.WriteLineAsync($"error: {e.Message}");
            return IngestProgram.Fatal;
        }
    }
}
