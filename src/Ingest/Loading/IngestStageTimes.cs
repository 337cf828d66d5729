using System.Collections.Concurrent;
using System.Diagnostics;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// Time spent per ingest stage (file read, metadata, each table's inserts, ...), summed over a run, for the corpus
/// benchmark's breakdown. A stage's time is taken with <see cref="Stopwatch.GetTimestamp"/> around it; nothing is
/// asserted on it.
/// </summary>
public sealed class IngestStageTimes
{
    readonly ConcurrentDictionary<string, long> ticks = new(StringComparer.Ordinal);
    readonly List<string> order = [];

    /// <summary>Adds the time since <paramref name="start"/> to <paramref name="stage"/>; returns now, the next stage's start.</summary>
    public long Add(string stage, long start)
    {
        var now = Stopwatch.GetTimestamp();
        if (ticks.AddOrUpdate(stage, now - start, (_, t) => t + now - start) == now - start)
        {
            lock (order) order.Add(stage);
        }
        return now;
    }

    /// <summary>Each stage with its total seconds, in the order first seen.</summary>
    public IReadOnlyList<(string Stage, double Seconds)> Totals()
    {
        lock (order)
        {
            return order.Select(s => (s, (double)ticks[s] / Stopwatch.Frequency)).ToList();
        }
    }

    public void Clear()
    {
        lock (order)
        {
            ticks.Clear();
            order.Clear();
        }
    }
}
