using System.Diagnostics;

namespace AleppoDashboard.SoakBenchmark;

/// <summary>The real ingest program's `watch` command as a child process, its output lines counted.</summary>
public sealed class WatchProcess : IDisposable
{
    readonly Process process;
    int lines, errorLines;

    public List<string> Errors { get; } = [];
    public int Lines => Volatile.Read(ref lines);
    public int ErrorLines => Volatile.Read(ref errorLines);

    WatchProcess(Process process) => this.process = process;

    public static WatchProcess Start(string ingestDll, string folder, string database, string reference)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { ingestDll, "watch", folder, "--db", database, "--reference", reference, "--interval", "5" }) start.ArgumentList.Add(arg);
        var watch = new WatchProcess(Process.Start(start)!);
        watch.process.OutputDataReceived += (_, e) => { if (e.Data is not null) Interlocked.Increment(ref watch.lines); };
        watch.process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            Interlocked.Increment(ref watch.errorLines);
            lock (watch.Errors) if (watch.Errors.Count < 50) watch.Errors.Add(e.Data);
        };
        watch.process.BeginOutputReadLine();
        watch.process.BeginErrorReadLine();
        return watch;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
    }
}
