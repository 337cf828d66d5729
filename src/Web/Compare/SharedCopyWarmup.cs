using AleppoDashboard.Data;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Queries.Compare;
using AleppoDashboard.Web.Components.Pages.Compare;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Web.Compare;

/// <summary>
/// When the app starts: computes the default /compare view (every outlet, the most-shared places and control claims; seconds
/// at 100,000 articles), then the shared-copy detection, then the default view again with its copy marks, so that the first
/// visitor of /compare does not wait for either.
/// </summary>
public sealed class SharedCopyWarmup(SharedCopyCache cache, CompareViewCache views, IDbContextFactory<DashboardDb> databases,
    ILogger<SharedCopyWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await DefaultViewAsync(SharedCopies.NotReady, stoppingToken);
            await cache.WarmAsync(stoppingToken);
            await using var db = await databases.CreateDbContextAsync(stoppingToken);
            await DefaultViewAsync(await cache.GetAsync(db, TimeSpan.Zero, stoppingToken), stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Requests compute what is missing themselves; the app keeps running.
            logger.LogError(e, "Warming /compare at start failed.");
        }
    }

    async Task DefaultViewAsync(SharedCopies shared, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        await views.GetAsync(db, DashboardFilter.None, new CompareSelection(null, null), shared, CompareCell.MaxShown, ct);
    }
}
