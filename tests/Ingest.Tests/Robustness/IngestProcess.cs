using System.Diagnostics;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Ingest.Tests.Robustness;

/// <summary>The real ingest program (AleppoDashboard.Ingest.dll) run as a child process.</summary>
public static class IngestProcess
{
    /// <summary>
    /// The program in its own build folder (src/Ingest/bin/&lt;configuration&gt;/&lt;framework&gt;, built with the tests, as
    /// this project references it), not the copy beside the tests: the test folder lacks the package assemblies that
    /// the ASP.NET shared framework (through TestSupport → Web) gives the test host, such as
    /// Microsoft.Extensions.Caching.*, and the program, which runs on the base framework only, needs them.
    /// </summary>
    public static string DllPath
    {
        get
        {
            var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var path = Path.Combine(RepoPaths.Root, "src", "Ingest", "bin", tests.Parent!.Name, tests.Name, "AleppoDashboard.Ingest.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"The ingest program is not built: {path}");
        }
    }

    /// <summary>The ingest program on <paramref name="folder"/>, printing a progress line after every committed batch (the crash test kills it between batches).</summary>
    public static Process Start(string folder, string database)
    {
        // The SDK names its own dotnet host while it runs tests; otherwise the one on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { DllPath, "ingest", folder, "--db", database, "--reference", RepoPaths.Reference, "--progress-seconds", "0" })
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>
    /// The ingest program on a PostgreSQL database (<c>--provider postgres</c>), its connection string in its environment
    /// as the CLI requires; output and errors are read as they come.
    /// </summary>
    public static Process StartOnPostgres(string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[DllPath, .. arguments, "--provider", "postgres"]) start.ArgumentList.Add(argument);
        start.Environment["Database__ConnectionString"] = connectionString;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary><see cref="StartOnPostgres"/> to its end (killed after 5 minutes: a hang fails the test).</summary>
    public static async Task<(int Exit, string Output, string Errors)> RunOnPostgresAsync(string connectionString, params string[] arguments)
    {
        using var process = StartOnPostgres(connectionString, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', arguments)}' did not end within 5 minutes: {await output} {await errors}");
        }
        return (process.ExitCode, await output, await errors);
    }
}
