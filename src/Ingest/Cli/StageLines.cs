using System.Globalization;
using AleppoDashboard.Ingest.Loading;

namespace AleppoDashboard.Ingest.Cli;

/// <summary>
/// The ingest's <c>--timings</c>: a line per stage with its wall seconds and, where the stage stayed on one thread, its
/// CPU seconds (stages on the planner's two threads add up both threads' time, so they can exceed the run's wall time).
/// For finding where a run's time goes on a busy machine; nothing is asserted on it.
/// </summary>
public static class StageLines
{
    public static async Task WriteAsync(IngestStageTimes times, TextWriter output)
    {
        foreach (var (stage, seconds, cpu) in times.Totals())
        {
            var cpuText = cpu is { } c ? string.Create(CultureInfo.InvariantCulture, $"{c,8:0.0} s CPU") : "       (CPU not known)";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"stage: {seconds,8:0.0} s wall {cpuText}  {stage}"));
        }
        // The collector's share, which no stage shows: each stage's time includes the pauses that fell inside it.
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"gc: {GC.CollectionCount(0):N0} collections ({GC.CollectionCount(1):N0} of gen 1, {GC.CollectionCount(2):N0} of gen 2), paused {GC.GetTotalPauseDuration().TotalSeconds:0.0} s, {GC.GetTotalAllocatedBytes() / 1e9:0.0} GB allocated"));
    }
}
