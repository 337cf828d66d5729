using System.Diagnostics;
using System.Threading.Channels;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.SharedCopyDetection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AleppoDashboard.Data.FastInsert;

/// <summary>
/// A load of many files into a database without articles (the ingest's <c>CorpusIngestor.BulkLoadMinimum</c>). Its
/// non-unique indexes are dropped at the start and built at the end. The full-text index is filled in chunks of
/// <see cref="SearchIndexChunk"/> sentences, each in the transaction of the batch that completes it, and the last
/// sentences at the end: the work a rebuild did after the load (on one thread, while the other core had little to do)
/// is done during the load, with the rebuild's merge settings. The shared-copy detection is fed each batch's sentences once the batch is committed, on a thread of its own,
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
    /// <summary>The id ranges [From, To) of committed sentences the full-text index does not hold yet (SQLite).</summary>
    readonly List<(int From, int To)> unindexed = [];
    int unindexedCount;

    /// <summary>
    /// Sentences indexed at a time (FTS5 on SQLite). Large, so that the chunks' segments cost no more merging than a
    /// rebuild's (benchmarks/PERFORMANCE.md); the bulk load's tests set it small.
    /// </summary>
    public int SearchIndexChunk { get; set; } = 80_000;

    BulkLoad(int pageSize)
    {
        BatchPragmas = "PRAGMA foreign_keys=OFF; PRAGMA wal_autocheckpoint=" +
            (CheckpointBytes / pageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
        feeding = Task.Run(FeedAsync);
    }

    /// <summary>Drops the non-unique indexes (see <see cref="SchemaInitializer.DropSecondaryIndexesAsync"/>) and starts the feed.</summary>
    public static async Task<BulkLoad> StartAsync(DashboardDb db, CancellationToken ct)
    {
        await SchemaInitializer.DropSecondaryIndexesAsync(db, ct);
        // PostgreSQL: no pragmas (BatchWriter sets none there); its foreign keys were dropped with the indexes.
        if (db.IsPostgres()) return new BulkLoad(4096);
        var pageSize = (await db.Database.SqlQueryRaw<int>("SELECT page_size AS Value FROM pragma_page_size()").ToListAsync(ct))[0];
        // Until the end of the load; a load killed before leaves them to the next open (SentenceSearchIndex.CatchUpAsync).
        await db.Database.ExecuteSqlRawAsync(SentenceSearchIndex.BulkMergeSettingsSql, ct);
        return new BulkLoad(pageSize);
    }

    /// <summary>
    /// Called by the writer inside a batch's transaction once the batch's sentences (ids [From, To)) are stored: if the
    /// sentences not yet indexed now make a chunk, adds them to the full-text index in that transaction and returns
    /// true. Pass the result to <see cref="Committed"/> once the transaction commits.
    /// </summary>
    public bool IndexSentencesIfDue(DashboardDb db, (int From, int To) batch)
    {
        if (db.IsPostgres() || unindexedCount + (batch.To - batch.From) < SearchIndexChunk) return false;
        IndexRanges(db, [.. unindexed, batch]);
        return true;
    }

    /// <summary>The committed sentences not indexed yet, into the full-text index (in the open transaction).</summary>
    void IndexRanges(DashboardDb db, IReadOnlyList<(int From, int To)> ranges)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = SentenceSearchIndex.IndexSentenceRangeSql;
        var from = command.Parameters.Add("$from", SqliteType.Integer);
        var to = command.Parameters.Add("$to", SqliteType.Integer);
        foreach (var range in Merged(ranges))
        {
            from.Value = range.From;
            to.Value = range.To;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Ranges in ascending order with the adjacent ones joined (a load's batches usually make one range).</summary>
    static List<(int From, int To)> Merged(IEnumerable<(int From, int To)> ranges)
    {
        var merged = new List<(int From, int To)>();
        foreach (var r in ranges.Where(r => r.To > r.From).OrderBy(r => r.From))
        {
            if (merged.Count > 0 && merged[^1].To == r.From) merged[^1] = (merged[^1].From, r.To);
            else merged.Add(r);
        }
        return merged;
    }

    /// <summary>
    /// The writer connection's settings for each batch of the load, set back with <see cref="DefaultPragmas"/> after it.
    /// The rows point at articles and sentences given their ids in the same transaction and at the reference rows the
    /// extractor was built from: SQLite's check of each row's foreign keys (a lookup per key, for millions of rows) is
    /// left out; BulkLoadTests checks the result with PRAGMA foreign_key_check. The write-ahead log is
    /// copied into the database file (a checkpoint, with an fsync) once it holds <see cref="CheckpointBytes"/> of pages
    /// instead of SQLite's default 1,000 pages, which a batch of 200 articles fills: a checkpoint per ~60 batches
    /// instead of one per batch. Durability is the same: the log is the database until it is copied.
    /// </summary>
    public string BatchPragmas { get; }

    /// <summary>What the connection had before <see cref="BatchPragmas"/>: foreign keys on, as on every connection of the project, and SQLite's default checkpoint.</summary>
    public const string DefaultPragmas = "PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=1000;";

    /// <summary>The write-ahead log's size at which a batch checkpoints it, whatever the page size.</summary>
    const int CheckpointBytes = 200 * 1024 * 1024;

    /// <summary>
    /// The sentences of a batch whose transaction has committed (never those of a batch rolled back), their ids
    /// [From, To), and whether <see cref="IndexSentencesIfDue"/> indexed them with the ones before.
    /// </summary>
    public void Committed(IEnumerable<(Article Article, List<Sentence> Sentences)> written, (int From, int To) ids, bool indexed)
    {
        if (indexed)
        {
            unindexed.Clear();
            unindexedCount = 0;
        }
        else if (ids.To > ids.From)
        {
            unindexed.Add(ids);
            unindexedCount += ids.To - ids.From;
        }
        committed.Writer.TryWrite([.. written.SelectMany(w => w.Sentences.Select(s => new CopyCandidate(s.Id, w.Article.Id, s.Index, w.Article.Outlet.Name, s.Text)))]);
    }

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
        IDbContextFactory<DashboardDb> dbs, DashboardDb db, bool loaded, Func<string, IDisposable> stage, TimeProvider time, CancellationToken ct)
    {
        committed.Writer.TryComplete();
        var clock = Stopwatch.StartNew();
        // Matched on one thread-pool thread while this thread builds the indexes and the full-text index (on two
        // threads it slowed the index build by more than it gained: the match was done before them either way).
        var detection = loaded ? Task.Run(async () =>
        {
            await feeding;
            return SharedCopyMapRows.Of(builder.Build(threads: 1));
        }, ct) : null;
        using (stage("create indexes"))
        {
            await SchemaInitializer.CreateMissingIndexesAsync(db, CancellationToken.None);
        }
        long version;
        // Until here a search found only the chunks indexed during the load; a crash before leaves the rest to the next open.
        using (stage("fts: last sentences"))
        {
            await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
            // PostgreSQL's search column is generated with each row, and its index was built with the others.
            if (!db.IsPostgres())
            {
                IndexRanges(db, unindexed);
                unindexed.Clear();
                unindexedCount = 0;
                await db.Database.ExecuteSqlRawAsync(SentenceSearchIndex.DefaultMergeSettingsSql, CancellationToken.None);
                // Cached search results are read again.
                await ContentVersion.BumpAsync(db, CancellationToken.None);
            }
            version = await ContentVersion.ReadAsync(db, CancellationToken.None);
            // Pages say that the copy marks are being detected (and the web app's warm-up does not detect them too).
            if (detection is not null) await SharedCopyStore.MarkStartedAsync(db, version, time, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }
        if (detection is null) return null;
        try
        {
            SharedCopyMapRows rows;
            using (stage("shared-copy detection (after the indexes)"))
            {
                rows = await detection;
            }
            var detected = clock.Elapsed;
            SharedCopyUpdate? update;
            using (stage("shared-copy store"))
            {
                update = await SharedCopyStore.StoreDetectedAsync(dbs, rows, version, (sentences, idSum), detected, ct);
            }
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
