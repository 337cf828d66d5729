using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Loading;

namespace AleppoDashboard.Ingest.Cli;

/// <summary>
/// The long-running ingest worker: polls the folder (file-system events are unreliable on Docker volumes)
/// and ingests when a file appears or changes, once its size and time have held still for one interval,
/// so a file still being copied is not read half-written.
/// </summary>
public sealed class FolderWatcher(Corpus corpus, TextWriter output, TextWriter errors)
{
    public async Task<int> RunAsync(string folder, TimeSpan interval, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        await output.WriteLineAsync($"watching {Path.GetFullPath(folder)} every {interval.TotalSeconds:0.#} s");
        string? ingested = null;
        string? previous = null;
        // Stops only by cancellation, always as an OperationCanceledException (the program reports it as a normal stop):
        // a loop condition would also let a cancel that lands between two checks end it quietly, the other way.
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var current = Snapshot(folder);
            if (current != ingested && current == previous)
            {
                var report = await corpus.Ingestor.IngestFolderAsync(folder, null, ct);
                if (report.Files.Any(f => f.Status != FileStatus.Unchanged) || report.ManifestProblems.Count > 0)
                {
                    await IngestProgram.ReportAsync(report, output, errors, everyFile: true);
                }
                ingested = current;
            }
            previous = current;
            await Task.Delay(interval, ct);
        }
    }

    static string Snapshot(string folder) => string.Join("\n",
        new DirectoryInfo(folder).EnumerateFiles()
            .Where(f => CorpusIngestor.IsArticleFile(f.Name) || f.Name == ManifestReader.FileName)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => $"{f.Name}|{f.Length}|{f.LastWriteTimeUtc.Ticks}"));
}
