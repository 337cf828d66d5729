using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// Time spent per ingest stage (file read, metadata, each table's inserts, ...), summed over a run, for the corpus
/// benchmark's breakdown: wall time, and on Linux the CPU time of the thread that ran the stage (robust to a machine
/// busy with other work). A stage that ended on another thread than it started on (an await in between) has no CPU
/// time: two threads' clocks cannot be subtracted. Nothing is asserted on it.
/// </summary>
public sealed class IngestStageTimes
{
    readonly ConcurrentDictionary<string, (long Wall, long Cpu, bool CpuKnown)> totals = new(StringComparer.Ordinal);
    readonly List<string> order = [];

    /// <summary>A stage's start: now.</summary>
    public static StageStart Now() => new(Stopwatch.GetTimestamp(), ThreadCpuNanoseconds(), Environment.CurrentManagedThreadId);

    /// <summary>Times the code inside <c>using (times.Stage("insert articles")) { ... }</c> as that stage.</summary>
    public StageScope Stage(string stage) => new(this, stage, Now());

    /// <summary>Adds the time since <paramref name="start"/> to <paramref name="stage"/>; returns now, the next stage's start.</summary>
    public StageStart Add(string stage, StageStart start)
    {
        var now = Now();
        var known = now.Thread == start.Thread;
        var cpu = known ? Math.Max(0, now.Cpu - start.Cpu) : 0;
        var added = false;
        totals.AddOrUpdate(stage, _ => { added = true; return (now.Wall - start.Wall, cpu, known); },
            (_, t) => (t.Wall + now.Wall - start.Wall, t.Cpu + cpu, t.CpuKnown && known));
        if (added)
        {
            // Two threads can both see a stage as new (AddOrUpdate may run both factories): list it once.
            lock (order)
            {
                if (!order.Contains(stage)) order.Add(stage);
            }
        }
        return now;
    }

    /// <summary>Each stage with its total wall and CPU seconds (null if it ever moved to another thread), in the order first seen.</summary>
    public IReadOnlyList<(string Stage, double Seconds, double? CpuSeconds)> Totals()
    {
        lock (order)
        {
            return order.Select(s => (s, (double)totals[s].Wall / Stopwatch.Frequency, totals[s].CpuKnown ? totals[s].Cpu / 1e9 : (double?)null)).ToList();
        }
    }

    static long ThreadCpuNanoseconds()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        return clock_gettime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var ts) == 0 ? ts.Seconds * 1_000_000_000 + ts.Nanoseconds : 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the project for a diagnostic.
    [DllImport("libc")]
    static extern int clock_gettime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054
}

/// <summary>When a stage started: wall clock, the thread's CPU clock, and which thread.</summary>
public readonly record struct StageStart(long Wall, long Cpu, int Thread);

/// <summary>A stage being timed: ends, and adds its time to the stage, when disposed (<see cref="IngestStageTimes.Stage"/>).</summary>
public readonly struct StageScope(IngestStageTimes times, string stage, StageStart start) : IDisposable
{
    public void Dispose() => times.Add(stage, start);
}
