using AleppoDashboard.Data;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Queries;
using AleppoDashboard.Data.Queries.Compare;
using AleppoDashboard.Web.Components.Pages.Compare;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AleppoDashboard.Web.Caching;

/// <summary>
/// Fills the unfiltered article list (overview and /articles), map, control (east scope) and compare cache entries, and
/// then the shared-copy detection, off the request path whenever the content version moves: at 100,000 articles they take
/// seconds (the detection a minute) to compute, and otherwise the first visitor after an ingest waits for
/// them. While an ingest runs the version moves every batch, so the warm-up waits until it has been still for
/// <see cref="CacheOptions.QuietSeconds"/>. A request that arrives during a warm-up waits for that computation instead
/// of starting its own (<see cref="ContentVersionCache{T}"/> computes one value at a time).
/// </summary>
public sealed class ViewCacheWarmer(
    IDbContextFactory<DashboardDb> dbs,
    MapPlacesCache map,
    ControlClaimsCache control,
    ArticleListCache articles,
    CompareViewCache compare,
    SharedCopyCache sharedCopies,
    IOptions<CacheOptions> options,
    TimeProvider clock,
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
                if (version != WarmedVersion && now - seenSince >= quiet)
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

    async Task<long> ReadVersionAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ContentVersion.ReadAsync(db, ct);
    }

    async Task WarmAsync(long version, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            // Each cache reads its value in its own snapshot, so one context serves them all.
            await articles.GetAsync(db, DashboardFilter.None, ct);
            await map.GetAsync(db, DashboardFilter.None, ct);
            await control.GetAsync(db, DashboardFilter.None, ClaimQueries.DefaultScope, ct);
            // The view does not depend on the shared-copy map (the page applies it), so it is ready before the detection is.
            await compare.GetAsync(db, DashboardFilter.None, new CompareSelection(null, null), SharedCopies.NotReady, CompareCell.MaxShown, ct);
        }
        var views = clock.GetElapsedTime(started);
        await sharedCopies.WarmAsync(ct);
        WarmedVersion = version;
        log.LogInformation(
            "Warmed the unfiltered views for content version {Version} in {Milliseconds:0} ms: overview, articles, map, control and compare in {Views:0} ms, then the shared-copy detection.",
            version, clock.GetElapsedTime(started).TotalMilliseconds, views.TotalMilliseconds);
    }
}
