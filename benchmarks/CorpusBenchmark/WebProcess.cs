using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AleppoDashboard.CorpusBenchmark;

/// <summary>
/// The real web app started as a child process on a loopback port against a benchmark database
/// (no seeding, no map tiles), with its memory read from /proc/&lt;pid&gt;/status.
/// </summary>
public sealed class WebProcess : IAsyncDisposable
{
    readonly Process process;
    readonly Queue<string> lastLines = new();
    readonly Stopwatch sinceStart = Stopwatch.StartNew();
    readonly TaskCompletionSource<TimeSpan> warmed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public Uri Address { get; }

    WebProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public static async Task<WebProcess> StartAsync(string webDll, string webProjectFolder, BenchDatabase database, params string[] extraArguments)
    {
        var (databaseArguments, environment) = database.WebSettings();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webProjectFolder, // content root: wwwroot is found here
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[webDll, "--urls", $"http://127.0.0.1:{port}", .. databaseArguments, "--Seeds:AutoIngest=false", "--Map:TileUrl=", .. extraArguments])
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var web = new WebProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        web.process.OutputDataReceived += (_, e) => web.Keep(e.Data);
        web.process.ErrorDataReceived += (_, e) => web.Keep(e.Data);
        web.process.BeginOutputReadLine();
        web.process.BeginErrorReadLine();
        await web.WaitUntilServingAsync();
        return web;
    }

    public int Pid => process.Id;

    /// <summary>A field of /proc/&lt;pid&gt;/status in MB (VmRSS: resident now; VmHWM: peak resident).</summary>
    public double MemoryMb(string field)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    /// <summary>
    /// Starts VmHWM over from the current resident size (Linux: "5" into /proc/&lt;pid&gt;/clear_refs), so that the next
    /// peak read is the peak of what follows (the warm-up's shared-copy detection would otherwise set it).
    /// </summary>
    /// <summary>The app's last 40 lines of output, for a benchmark's error report.</summary>
    public string RecentOutput
    {
        get
        {
            lock (lastLines) return string.Join("\n", lastLines);
        }
    }

    public void ResetPeakMemory() => File.WriteAllText($"/proc/{process.Id}/clear_refs", "5");

    async Task WaitUntilServingAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The web app exited:\n" + string.Join("\n", lastLines));
            }
            try
            {
                // A static file: a view would fill a cache and hide what a first visitor waits for.
                using var response = await client.GetAsync(new Uri(Address, "/favicon.svg"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The web app did not start within 30 minutes:\n" + string.Join("\n", lastLines));
    }

    /// <summary>
    /// Waits for the app's background warm-up of the unfiltered views (its log line) and returns how
    /// long after the process started it finished.
    /// </summary>
    public async Task<TimeSpan> WarmedUpAsync(TimeSpan timeout) => await warmed.Task.WaitAsync(timeout);

    void Keep(string? line)
    {
        if (line is null) return;
        if (line.Contains("Warmed the unfiltered views", StringComparison.Ordinal)) warmed.TrySetResult(sinceStart.Elapsed);
        lock (lastLines)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > 40) lastLines.Dequeue();
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
