using System.Runtime;
using AleppoDashboard.Web.Interactive;

namespace AleppoDashboard.Web.Extensions;

/// <summary>
/// Gives memory back once readers have left. Each open circuit holds its component trees and render buffers (about
/// 1–3 MB, PERFORMANCE.md "Capacity"); when the readers go, the GC frees those objects but keeps the segments it
/// committed for them, so the process stayed 150+ MB above its resting size long after. When the open circuits have
/// fallen to half their recent peak or less (a peak of at least <see cref="MinimumPeak"/>) and stayed there for
/// <see cref="Quiet"/>, this runs one aggressive, compacting collection (the GC's own mode for returning memory to the
/// system) and trims the native heap. It runs only after such a drop, at most once per <see cref="Quiet"/>, so a
/// steady load never pays for it.
/// </summary>
public sealed class MemoryAfterReaders(OpenCircuits circuits, ILogger<MemoryAfterReaders> log) : BackgroundService
{
    public const int MinimumPeak = 10;
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(15);
    static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Poll);
        var droppedSince = (DateTime?)null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var (now, peak) = (circuits.Count, circuits.PeakSinceReset);
                if (peak < MinimumPeak || now > peak / 2)
                {
                    droppedSince = null;
                    continue;
                }
                droppedSince ??= DateTime.UtcNow;
                if (DateTime.UtcNow - droppedSince < Quiet) continue;
                var before = Environment.WorkingSet;
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                NativeHeap.Trim();
                circuits.ResetPeak();
                droppedSince = null;
                log.LogInformation("Readers left ({Peak} circuits open at the most, {Now} now): memory given back, {Before} MB -> {After} MB resident.",
                    peak, now, before / 1_048_576, Environment.WorkingSet / 1_048_576);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
