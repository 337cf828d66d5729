using System.Runtime;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.SharedCopyDetection;
using AleppoDashboard.Data.Views.Articles;
using AleppoDashboard.Data.Views.Compare;
using AleppoDashboard.Data.Views.Control;
using AleppoDashboard.Data.Views.Map;
using AleppoDashboard.Web.Options;
using AleppoDashboard.Web.Views.Compare;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AleppoDashboard.Web.Caching;

/// <summary>
/// Fills the unfiltered article list (overview and /articles), map, control (east scope) and compare cache entries off
/// the request path whenever the content version moves: over a large corpus they are slow to compute, and otherwise
/// the first visitor after an ingest waits for them. If the stored shared-copy map is not that of the current articles
/// and no process is detecting it (a database from an older version, or an ingest that was killed before its detection
/// ran), it runs the detection first (<see cref="SharedCopyStore"/>). While an ingest runs the version moves every batch, so the warm-up waits until it has been still for
/// <see cref="CacheOptions.QuietSeconds"/>. A request that arrives during a warm-up waits for that computation instead
/// of starting its own (<see cref="ContentVersionCache{T}"/> computes one value at a time).
/// </summary>
public sealed class ViewCacheWarmer(
    IDbContextFactory<DashboardDb> dbs,
    MapPlacesCache map,
    ControlViewCache control,
    ArticleListCache articles,
    CompareViewCache compare,
    IOptions<CacheOptions> options,
    TimeProvider clock,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<ViewCacheWarmer> log) : BackgroundService
{
    /// <summary>The content version the last warm-up finished for (0 before the first).</summary>
    public long WarmedVersion { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.WarmUp) return;
        var poll = TimeSpan.FromSeconds(Math.Max(0.1, settings.PollSeconds));
        var quiet = TimeSpan.FromSeconds(Math.Max(0, settings.QuietSeconds));
        long seen = -1;
        // The version found at start-up counts as still: warm it at once.
        var seenSince = clock.GetUtcNow() - quiet;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var version = await ReadVersionAsync(stoppingToken);
                var now = clock.GetUtcNow();
                if (version != seen)
                {
                    if (seen != -1) seenSince = now;
                    seen = version;
                }
                if (now - seenSince >= quiet && (version != WarmedVersion || await CopiesToWarmAsync(stoppingToken)))
                {
                    await WarmAsync(version, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Never fatal: the views compute the same entries on their first request.
                log.LogWarning("Could not warm the view caches: {Reason}", e.Message);
            }
            await Task.Delay(poll, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// The last warm-up found no current shared-copy map, and now there is one (another process stored it) or nobody is
    /// detecting it any more.
    /// </summary>
    async Task<bool> CopiesToWarmAsync(CancellationToken ct)
    {
        if (warmedWithCopies) return false;
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await SharedCopyStore.IsCurrentAsync(db, ct) || !await SharedCopyStore.IsRunningAsync(db, DetectionLease, clock.GetUtcNow(), ct);
    }

    bool warmedWithCopies;
    bool pagesWarmed;

    /// <summary>Completes once the server listens (the warm-up can finish before it does on a small database).</summary>
    Task WhenStartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(ct);
    }

    async Task<long> ReadVersionAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ContentVersion.ReadAsync(db, ct);
    }

    /// <summary>A detection started by another process this recently is left to finish rather than run twice.</summary>
    public static readonly TimeSpan DetectionLease = TimeSpan.FromMinutes(10);

    async Task WarmAsync(long version, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        // Each step's time is logged: at a large corpus the warm-up is what a restart waits for, and the step says where.
        var steps = new List<string>();
        var step = started;
        void Done(string name)
        {
            steps.Add($"{name} {clock.GetElapsedTime(step).TotalMilliseconds:0} ms");
            step = clock.GetTimestamp();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        // Each cache reads its value in its own snapshot, so one context serves them all.
        await articles.GetAsync(db, DashboardFilter.None, ct);
        Done("articles");
        await map.GetAsync(db, DashboardFilter.None, ct);
        Done("map");
        await control.GetAsync(db, DashboardFilter.None, ClaimQueries.DefaultScope, ct);
        Done("control");
        var detection = "";
        if (!await SharedCopyStore.IsCurrentAsync(db, ct) && !await SharedCopyStore.IsRunningAsync(db, DetectionLease, clock.GetUtcNow(), ct))
        {
            var update = await SharedCopyStore.UpdateAsync(dbs, clock, ct);
            detection = update is null ? "" : $" ({update})";
            // The detection's working set (every distinct text's shingles and their index) is garbage now: give it back
            // to the system instead of keeping the process at its peak.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            Done("shared-copy detection");
        }
        await using (var snapshot = await ReadSnapshot.BeginAsync(db, ct))
        {
            var copies = await SharedCopyStore.IsCurrentAsync(db, ct);
            warmedWithCopies = copies;
            await compare.GetAsync(db, DashboardFilter.None, new CompareSelection(null, null), copies, CompareCell.MaxShown, ct);
        }
        Done("compare");
        var pages = "";
        if (!pagesWarmed)
        {
            // Once per process: what it warms is compiled code, not data.
            await WhenStartedAsync(ct);
            var newest = await db.Articles.MaxAsync(a => a.Published, ct);
            await PageWarmUp.RunAsync(server, newest, log, ct);
            pagesWarmed = true;
            // What those requests allocated (pages rendered, exports' first rows) is garbage now, as after the detection.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            Done("every page once");
            pages = ", then every page once";
        }
        WarmedVersion = version;
        log.LogInformation(
            "Warmed the unfiltered views for content version {Version} in {Milliseconds:0} ms: overview, articles, map, control and compare{Detection}{Pages} ({Steps}).",
            version, clock.GetElapsedTime(started).TotalMilliseconds, detection, pages, string.Join(", ", steps));
    }
}
