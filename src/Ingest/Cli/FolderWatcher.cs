using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Loading;

namespace AleppoDashboard.Ingest.Cli;

/// <summary>
/// The long-running ingest worker: polls the folder (file-system events are unreliable on Docker volumes) and loads
/// a new or changed file once its size and time have held still for the settle time, so a file still being copied is
/// not read half-written; other files that settled meanwhile are loaded without waiting for it. Names that are being
/// written (an editor's temporary file, a download's .part: <see cref="TemporaryFileNames"/>) are never read; the
/// article is read under its final name after the rename.
/// </summary>
public sealed class FolderWatcher(Corpus corpus, TextWriter output, TextWriter errors, TimeProvider? time = null)
{
    readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <param name="settle">How long a file must stay unchanged before it is read; by default twice the interval, at least 2 s.</param>
    public async Task<int> RunAsync(string folder, TimeSpan interval, CancellationToken ct, TimeSpan? settle = null)
    {
        var quiet = settle is { } s && s >= TimeSpan.Zero ? s : TimeSpan.FromTicks(Math.Max(2 * interval.Ticks, TimeSpan.FromSeconds(2).Ticks));
        Directory.CreateDirectory(folder);
        await output.WriteLineAsync($"watching {Path.GetFullPath(folder)} every {interval.TotalSeconds:0.#} s; a file is read once unchanged for {quiet.TotalSeconds:0.#} s");
        var seen = new Dictionary<string, (string Signature, long Since)>(StringComparer.Ordinal);
        var ingested = new Dictionary<string, string>(StringComparer.Ordinal);
        // Stops only by cancellation, always as an OperationCanceledException (the program reports it as a normal stop):
        // a loop condition would also let a cancel that lands between two checks end it quietly, the other way.
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var now = clock.GetTimestamp();
            var current = Snapshot(folder);
            foreach (var name in seen.Keys.Except(current.Keys).ToList()) seen.Remove(name);
            foreach (var (name, signature) in current)
            {
                if (!seen.TryGetValue(name, out var known) || known.Signature != signature) seen[name] = (signature, now);
            }
            var settled = seen.Where(f => clock.GetElapsedTime(f.Value.Since, now) >= quiet).ToDictionary(f => f.Key, f => f.Value.Signature, StringComparer.Ordinal);
            // A manifest being written would give its files wrong outlets or dates: wait for it too.
            var manifestBusy = current.ContainsKey(ManifestReader.FileName) && !settled.ContainsKey(ManifestReader.FileName);
            var changed = settled.Any(f => !ingested.TryGetValue(f.Key, out var done) || done != f.Value);
            if (changed && !manifestBusy)
            {
                var report = await corpus.Ingestor.IngestFolderAsync(folder, null, ct, settled.ContainsKey);
                if (report.Files.Any(f => f.Status != FileStatus.Unchanged) || report.ManifestProblems.Count > 0)
                {
                    await IngestProgram.ReportAsync(report, output, errors);
                }
                foreach (var (name, signature) in settled) ingested[name] = signature;
            }
            await Task.Delay(interval, clock, ct);
        }
    }

    static Dictionary<string, string> Snapshot(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles()
            .Where(f => CorpusIngestor.IsArticleFile(f.Name) || f.Name == ManifestReader.FileName)
            .ToDictionary(f => f.Name, f => $"{f.Length}|{f.LastWriteTimeUtc.Ticks}", StringComparer.Ordinal);
}
