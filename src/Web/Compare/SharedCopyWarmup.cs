using AleppoDashboard.Data;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Queries.Compare;
using AleppoDashboard.Web.Components.Pages.Compare;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Web.Compare;

/// <summary>
/// When the app starts: computes the default /compare view (every outlet, the most-shared places and control claims; seconds
/// at 100,000 articles), then the shared-copy detection, so that the first visitor of /compare does not wait for either.
/// </summary>
public sealed class SharedCopyWarmup(SharedCopyCache cache, CompareViewCache views, IDbContextFactory<DashboardDb> databases,
    ILogger<SharedCopyWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await DefaultViewAsync(stoppingToken);
            await cache.WarmAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Requests compute what is missing themselves; the app keeps running.
            logger.LogError(e, "Warming /compare at start failed.");
        }
    }

    async Task DefaultViewAsync(CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        // The view does not depend on the shared-copy map (the page applies it), so one computation serves before and after the detection.
        await views.GetAsync(db, DashboardFilter.None, new CompareSelection(null, null), SharedCopies.NotReady, CompareCell.MaxShown, ct);
    }
}
