using System.Diagnostics;

namespace AleppoDashboard.CorpusBenchmark;

/// <summary>
/// What the benchmark process spent during the ingest: CPU time in user and kernel mode, garbage collections, the
/// time the runtime was paused for them and the bytes allocated. The wall time alone cannot tell a slower build from a slower spell of the
/// host; the CPU seconds and the collections can.
/// </summary>
internal sealed class IngestCost
{
    readonly TimeSpan user;
    readonly TimeSpan kernel;
    readonly int[] collections;
    readonly TimeSpan paused;
    readonly long allocated;

    IngestCost()
    {
        using var process = Process.GetCurrentProcess();
        (user, kernel) = (process.UserProcessorTime, process.PrivilegedProcessorTime);
        collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        paused = GC.GetTotalPauseDuration();
        allocated = GC.GetTotalAllocatedBytes();
    }

    /// <summary>Starts counting; the process's peak resident memory (VmHWM) is reset first, so that it is this ingest's.</summary>
    public static IngestCost Start()
    {
        // Linux: writing 5 to clear_refs resets VmHWM to the current resident size.
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return new();
    }

    static string PeakMb() =>
        File.Exists("/proc/self/status") && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) is { } line
            ? $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024} MB"
            : "n/a";

    /// <summary>The difference since <see cref="Start"/>, as a line for the report.</summary>
    public string Stop()
    {
        var now = new IngestCost();
        return $"CPU {(now.user - user).TotalSeconds:0.0} s user + {(now.kernel - kernel).TotalSeconds:0.0} s kernel; " +
               $"garbage collections (gen 0/1/2) {now.collections[0] - collections[0]}/{now.collections[1] - collections[1]}/{now.collections[2] - collections[2]}, " +
               $"paused {(now.paused - paused).TotalSeconds:0.0} s; " +
               $"{(now.allocated - allocated) / 1e9:0.0} GB allocated; peak resident memory (VmHWM) {PeakMb()}";
    }
}
