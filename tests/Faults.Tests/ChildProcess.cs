using System.Diagnostics;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Faults.Tests;

/// <summary>The real programs (the ingest command line, the web app) run as child processes from their own build folders.</summary>
public static class ChildProcess
{
    /// <summary>
    /// A program's dll in its own build folder (src/&lt;project&gt;/bin/&lt;configuration&gt;/&lt;framework&gt;, built with the
    /// tests), not the copy beside the tests, which lacks files the program needs (wwwroot, package assemblies).
    /// </summary>
    public static string Dll(string project, string assembly)
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepoPaths.Root, "src", project, "bin", tests.Parent!.Name, tests.Name, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"The program is not built: {path}");
    }

    public static string IngestDll => Dll("Ingest", "AleppoDashboard.Ingest.dll");

    public static string WebDll => Dll("Web", "AleppoDashboard.Web.dll");

    public static Process Start(string workingDirectory, params string[] arguments) => Start(workingDirectory, null, arguments);

    /// <summary>Starts a program with <paramref name="environment"/> added to its environment (a secret such as a connection string goes there, not in its arguments).</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        // The SDK names its own dotnet host while it runs tests; otherwise the one on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>Runs a program to its end (killed after <paramref name="limit"/>: a hang fails the test, not CI).</summary>
    public static Task<(int Exit, string Output, string Errors)> RunAsync(TimeSpan limit, string workingDirectory, params string[] arguments) =>
        RunAsync(limit, workingDirectory, null, arguments);

    public static async Task<(int Exit, string Output, string Errors)> RunAsync(
        TimeSpan limit, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var process = Start(workingDirectory, environment, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"'{string.Join(' ', arguments)}' did not end within {limit}: {await output} {await errors}");
        }
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>The web app on <paramref name="database"/>: its arguments as the benchmark gives them (no seeding, no tiles).</summary>
    public static string[] WebArguments(string database, int port) =>
        [WebDll, "--urls", $"http://127.0.0.1:{port}", $"--Database:Path={database}", "--Seeds:AutoIngest=false", "--Map:TileUrl=", "--Reference:Path=" + RepoPaths.Reference];

    public static string WebFolder => Path.Combine(RepoPaths.Root, "src", "Web");

    /// <summary>
    /// Waits (up to 3 minutes) until the web app on <paramref name="port"/> answers; fails at once if it exits, with its
    /// <paramref name="log"/> if its output is being read already, else with its standard error.
    /// </summary>
    public static async Task WaitUntilServingAsync(int port, Process web, Func<string>? log = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            if (web.HasExited) throw new InvalidOperationException("the web app exited: " + (log?.Invoke() ?? await web.StandardError.ReadToEndAsync()));
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/favicon.svg", limit.Token);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!limit.IsCancellationRequested)
            {
            }
            await Task.Delay(200, limit.Token);
        }
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
