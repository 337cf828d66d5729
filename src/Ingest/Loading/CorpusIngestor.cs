using System.Diagnostics;
using AleppoDashboard.Data;
using AleppoDashboard.Data.FastInsert;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.SharedCopyDetection;
using AleppoDashboard.Ingest.Extraction;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Metadata;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// Loads a folder of article files into the database. Idempotent: unchanged files are skipped, changed
/// files update their article in place (same id), and each batch of articles is written with its sentences and
/// facts in one transaction. The loop: while one batch is written (<see cref="BatchWriter"/>), the next is read,
/// checked and derived on another thread (<see cref="FilePlanner"/>).
/// </summary>
public sealed class CorpusIngestor(
    IDbContextFactory<DashboardDb> dbs, ArticleFileReader reader, MetadataResolver metadata, FactExtractor extractor, TimeProvider time)
{
    public const int BatchSize = 200;

    /// <summary>
    /// From this many files, a load into a database without articles drops the non-unique indexes and builds them
    /// after the load (<see cref="SchemaInitializer.DropSecondaryIndexesAsync"/>), and fills the full-text index of
    /// sentences in chunks of many batches (<see cref="BulkLoad.SearchIndexChunk"/>) instead of batch by batch. Pages
    /// served while such a load runs read the new rows without those indexes, and a search finds the new sentences
    /// a chunk at a time, all of them once the load ends. If the process is killed before, the next open completes both.
    /// </summary>
    public const int BulkLoadMinimum = 1000;

    /// <summary>Sentences a bulk load adds to the full-text index at a time, if not its default (tests set it small).</summary>
    internal int? BulkSearchIndexChunk { get; set; }

    /// <summary>Time per stage over this ingestor's runs (for the corpus benchmark).</summary>
    public IngestStageTimes Times { get; } = new();

    public async Task<IngestReport> IngestFolderAsync(string folder, IProgress<IngestProgress>? progress = null, CancellationToken ct = default,
        Func<string, bool>? include = null)
    {
        var (files, manifest, problems) = ArticleFolder.Read(folder, include);
        var planner = new FilePlanner(reader, metadata, extractor, Times);
        var writer = new BatchWriter(dbs, extractor, Times, time);
        var outcomes = new List<FileOutcome>(files.Count);
        SharedCopyUpdate? shared = null;
        var clock = Stopwatch.StartNew();
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var state = await LoadState.ReadAsync(db, ct);
            // A large load into an empty database: its non-unique indexes are built once at the end instead of row by row.
            // (PostgreSQL: also its search index and foreign keys; see PostgresBulkLoad.)
            var bulk = state.Articles.Count == 0 && files.Count >= BulkLoadMinimum ? await BulkLoad.StartAsync(db, ct) : null;
            if (bulk is not null && BulkSearchIndexChunk is { } chunk) bulk.SearchIndexChunk = chunk;
            // Two stages: the next batch is planned on another thread while this one is written (one writer, one
            // transaction per batch).
            var batches = files.Chunk(BatchSize).ToList();
            var next = batches.Count > 0 ? planner.PlanAsync(folder, batches[0], manifest, state, ct) : null;
            var loaded = false;
            try
            {
                for (var b = 0; b < batches.Count; b++)
                {
                    var planned = await next!;
                    next = b + 1 < batches.Count ? planner.PlanAsync(folder, batches[b + 1], manifest, state, ct) : null;
                    outcomes.AddRange(await writer.WriteAsync(planned, state, bulk, ct));
                    progress?.Report(new IngestProgress(outcomes.Count, files.Count, clock.Elapsed));
                }
                loaded = true;
            }
            finally
            {
                // Do not leave a derivation running after a failed write.
                if (next is not null) await next.ContinueWith(_ => { }, TaskScheduler.Default);
                // Also after a failure or a cancellation; after a crash, opening the database creates the indexes.
                if (bulk is not null) shared = await bulk.FinishAsync(dbs, db, loaded, stage => Times.Stage(stage), time, ct);
            }
        }
        // Shared copy is a property of the whole corpus: detected again over every sentence once the load is done (and
        // after a run that was killed before it got here, since the stored map is then not current), unless a bulk load
        // detected it from its own sentences.
        if (shared is null)
        {
            using (Times.Stage("shared-copy detection")) shared = await SharedCopyStore.UpdateAsync(dbs, time, ct);
        }
        return new IngestReport(outcomes, problems, shared);
    }

    /// <summary>An article file: a name ending in .txt in any case (REPORT.TXT too).</summary>
    public static bool IsArticleFile(string fileName) => ArticleFolder.IsArticleFile(fileName);
}
