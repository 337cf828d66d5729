using System.Runtime;
using AleppoDashboard.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Queries.Compare;

/// <summary>
/// The shared-copy map of the whole corpus (not only the filtered articles, so that a sentence is marked as
/// wire copy even when the other outlet is filtered out), computed with <see cref="SharedCopyDetector"/> and kept until
/// <see cref="ContentVersion"/> moves (every ingest or re-extraction raises it).
/// <para>
/// The detection reads every sentence (tens of seconds at 100,000 articles), so it runs in the background, on its own
/// database context, one at a time: a request starts it when the version it sees has no map yet, waits for it at most
/// as long as it is told, and otherwise gets <see cref="SharedCopies.NotReady"/> (the page then says so; it never shows
/// a map of an older version). Register as a singleton.
/// </para>
/// </summary>
public class SharedCopyCache(IDbContextFactory<DashboardDb> databases)
{
    readonly Lock sync = new();
    long? stamp;
    SharedCopies shared = SharedCopies.NotReady;
    Task? building;

    /// <summary>
    /// The map for the database's current content version, waiting at most <paramref name="wait"/> for a detection
    /// that is running or that this call starts (<see cref="Timeout.InfiniteTimeSpan"/>: until it is done).
    /// </summary>
    public async Task<SharedCopies> GetAsync(DashboardDb db, TimeSpan wait, CancellationToken ct)
    {
        var current = await ContentVersion.ReadAsync(db, ct);
        while (true)
        {
            Task running;
            lock (sync)
            {
                if (stamp == current) return shared;
                if (stamp > current) return SharedCopies.NotReady; // this request reads an older snapshot than the map
                running = building ??= Task.Run(BuildAsync, CancellationToken.None);
            }
            if (wait == TimeSpan.Zero) return SharedCopies.NotReady;
            var finished = await Task.WhenAny(running, Task.Delay(wait, ct));
            ct.ThrowIfCancellationRequested();
            if (finished != running) return SharedCopies.NotReady;
            await running; // a failed detection fails the request that waited for it (and the next request starts a new one)
            lock (sync)
            {
                if (stamp == current) return shared;
            }
            // The detection saw an older version than this request: start one for the current version.
        }
    }

    /// <summary>Whether the map of <paramref name="version"/> is ready (no waiting, no detection started).</summary>
    public bool IsReadyFor(long version)
    {
        lock (sync)
        {
            return stamp == version;
        }
    }

    /// <summary>Starts the detection for the current version unless it is done or running (at start, before any request).</summary>
    public async Task WarmAsync(CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        await GetAsync(db, Timeout.InfiniteTimeSpan, ct);
    }

    async Task BuildAsync()
    {
        lock (sync)
        {
            // The map of an older version is of no use to the requests that started this: do not hold two at once.
            (stamp, shared) = (null, SharedCopies.NotReady);
        }
        try
        {
            await using var db = await databases.CreateDbContextAsync();
            // The counter and the sentences are read in one snapshot, so the map never pairs new text with an old number.
            await using var snapshot = await ReadSnapshot.BeginAsync(db, CancellationToken.None);
            var version = await ContentVersion.ReadAsync(db, CancellationToken.None);
            var built = await DetectAsync(db, CancellationToken.None);
            lock (sync)
            {
                (stamp, shared) = (version, built);
            }
        }
        finally
        {
            lock (sync)
            {
                building = null;
            }
            // The detection's working set (every distinct text's shingles and their index) is garbage now: give it back
            // to the system instead of keeping the process at its peak.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>Reads every sentence and detects shared copy (virtual so that tests can hold a detection back).</summary>
    protected virtual async Task<SharedCopies> DetectAsync(DashboardDb db, CancellationToken ct)
    {
        // Streamed: only each distinct text's shingles are kept, not every sentence's text.
        var builder = new SharedCopyBuilder();
        await foreach (var s in db.Sentences.AsNoTracking()
            .Select(s => new { s.Id, s.ArticleId, s.Index, s.Article.Outlet.Name, s.Text }).AsAsyncEnumerable().WithCancellation(ct))
        {
            builder.Add(s.Id, s.ArticleId, s.Index, s.Name, s.Text);
        }
        var built = builder.Build();
        var termHits = new List<SharedTermHit>();
        var termIds = new Dictionary<string, string>(StringComparer.Ordinal); // one string per term id
        await foreach (var h in db.FramingTermHits.AsNoTracking()
            .Select(h => new { h.SentenceId, h.ArticleId, h.Article.OutletId, h.TermId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!built.IsShared(h.SentenceId)) continue;
            if (!termIds.TryGetValue(h.TermId, out var term)) termIds[h.TermId] = term = h.TermId;
            termHits.Add(new SharedTermHit(h.ArticleId, h.OutletId, term));
        }
        built.TermHits = termHits.ToArray(); // no spare capacity kept (over a million hits at 100,000 articles)
        return built;
    }
}
