using System.Diagnostics;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Ingest.Tests.Robustness;

/// <summary>The real ingest program (AleppoDashboard.Ingest.dll, built beside the tests) run as a child process.</summary>
public static class IngestProcess
{
    public static string DllPath
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "AleppoDashboard.Ingest.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"The ingest program is not built beside the tests: {path}");
        }
    }

    public static Process Start(string folder, string database)
    {
        // The SDK names its own dotnet host while it runs tests; otherwise the one on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { DllPath, "ingest", folder, "--db", database, "--reference", RepoPaths.Reference })
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }
}
