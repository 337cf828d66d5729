using System.Diagnostics;
using System.Threading.Channels;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Queries.Compare;
using AleppoDashboard.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// A load of many files into a database without articles (<see cref="CorpusIngestor.BulkLoadMinimum"/>). Its
/// non-unique indexes are dropped at the start and built at the end, and the full-text index is filled once at the
/// end. The shared-copy detection is fed each batch's sentences once the batch is committed, on a thread of its own,
/// so at the end the map is matched while the writer builds the indexes, without reading millions of sentences back.
/// It is stored only if the sentences table then holds exactly the sentences fed (another process may have written);
/// otherwise the ingest detects the map from the database as after any other run.
/// </summary>
internal sealed class BulkLoad
{
    readonly Channel<CopyCandidate[]> committed = Channel.CreateUnbounded<CopyCandidate[]>(new() { SingleReader = true, SingleWriter = true });
    readonly SharedCopyBuilder builder = new();
    readonly Task feeding;
    int sentences;
    long idSum;

    BulkLoad() => feeding = Task.Run(FeedAsync);

    /// <summary>Drops the non-unique indexes (see <see cref="SchemaInitializer.DropSecondaryIndexesAsync"/>) and starts the feed.</summary>
    public static async Task<BulkLoad> StartAsync(DashboardDb db, CancellationToken ct)
    {
        await SchemaInitializer.DropSecondaryIndexesAsync(db, ct);
        return new BulkLoad();
    }

    /// <summary>The sentences of a batch whose transaction has committed (never those of a batch rolled back).</summary>
    public void Committed(IEnumerable<(Article Article, List<Sentence> Sentences)> written) =>
        committed.Writer.TryWrite([.. written.SelectMany(w => w.Sentences.Select(s => new CopyCandidate(s.Id, w.Article.Id, s.Index, w.Article.Outlet.Name, s.Text)))]);

    async Task FeedAsync()
    {
        await foreach (var batch in committed.Reader.ReadAllAsync())
        {
            foreach (var s in batch)
            {
                builder.Add(s.SentenceId, s.ArticleId, s.Index, s.OutletName, s.Text);
                sentences++;
                idSum += s.SentenceId;
            }
        }
    }

    /// <summary>
    /// Builds the indexes and fills the full-text index (also after a failed or cancelled load, without
    /// <paramref name="ct"/>), and, if the load completed (<paramref name="loaded"/>), stores the shared-copy map of its
    /// sentences. Returns null when it stored no map.
    /// </summary>
    public async Task<SharedCopyUpdate?> FinishAsync(
        IDbContextFactory<DashboardDb> dbs, DashboardDb db, bool loaded, IngestStageTimes times, TimeProvider time, CancellationToken ct)
    {
        committed.Writer.TryComplete();
        var clock = Stopwatch.StartNew();
        // Matched on one thread-pool thread while this thread builds the indexes and the full-text index (on two
        // threads it slowed the index build by more than it gained: at 100,000 articles it was done before them either way).
        var detection = loaded ? Task.Run(async () =>
        {
            await feeding;
            return SharedCopyMapRows.Of(builder.Build(threads: 1));
        }, ct) : null;
        var started = IngestStageTimes.Now();
        await SchemaInitializer.CreateMissingIndexesAsync(db, CancellationToken.None);
        started = times.Add("create indexes", started);
        long version;
        // Until here a search found none of the loaded sentences; a crash before leaves it to the next open.
        await using (var tx = await db.Database.BeginTransactionAsync(CancellationToken.None))
        {
            await SentenceSearchIndex.RebuildAsync(db, CancellationToken.None);
            version = await ContentVersion.ReadAsync(db, CancellationToken.None);
            // Pages say that the copy marks are being detected (and the web app's warm-up does not detect them too).
            if (detection is not null) await SharedCopyStore.MarkStartedAsync(db, version, time, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }
        started = times.Add("fts rebuild", started);
        if (detection is null) return null;
        try
        {
            var rows = await detection;
            var detected = clock.Elapsed;
            started = times.Add("shared-copy detection (after the indexes)", started);
            var update = await SharedCopyStore.StoreDetectedAsync(dbs, rows, version, (sentences, idSum), detected, ct);
            times.Add("shared-copy store", started);
            if (update is null) await SharedCopyStore.ClearStartedAsync(dbs);
            return update;
        }
        catch
        {
            await SharedCopyStore.ClearStartedAsync(dbs);
            throw;
        }
    }
}
