using System.Globalization;
using AleppoDashboard.Ingest.Loading;

namespace AleppoDashboard.Ingest.Cli;

/// <summary>
/// The ingest's progress on the console: one line every <paramref name="every"/> of the run's own clock (and one when the
/// last file is loaded) with files done, rate and time left, instead of a line per batch or per file (100,000 files
/// printed 100,000 lines). Reported synchronously from the ingest loop: <see cref="Progress{T}"/> would post each report
/// to the thread pool, where a late one could print after the summary.
/// </summary>
public sealed class ProgressLines(TextWriter output, TimeSpan every) : IProgress<IngestProgress>
{
    TimeSpan? printedAt;

    public void Report(IngestProgress value)
    {
        var last = value.Done >= value.Total;
        // A run of one batch ends before a line is due: its summary says it all.
        if (last && printedAt is null && value.Total <= CorpusIngestor.BatchSize) return;
        if (!last && printedAt is { } at && value.Elapsed - at < every) return;
        if (!last && printedAt is null && value.Elapsed < every) return;
        printedAt = value.Elapsed;
        output.WriteLine(Format(value));
    }

    public static string Format(IngestProgress p)
    {
        var rate = p.Done / Math.Max(p.Elapsed.TotalSeconds, 0.001);
        var left = rate > 0 ? TimeSpan.FromSeconds((p.Total - p.Done) / rate) : TimeSpan.Zero;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"progress: {p.Done:N0}/{p.Total:N0} files, {rate:N0} files/s, {(p.Done >= p.Total ? "loaded" : $"about {Duration(left)} left")} ({Duration(p.Elapsed)} so far)");
        // After the last file the run still builds indexes and detects shared copy: say so, so the wait is not a hang.
        return p.Done >= p.Total ? text + "; now indexing and detecting shared copy" : text;
    }

    static string Duration(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h{t.Minutes:00}m")
        : t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}m{t.Seconds:00}s")
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0}s");
}
