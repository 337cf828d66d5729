using AleppoDashboard.Data.Queries.Compare;

namespace AleppoDashboard.Web.Compare;

/// <summary>Starts the shared-copy detection when the app starts, so that /compare rarely finds it not ready.</summary>
public sealed class SharedCopyWarmup(SharedCopyCache cache, ILogger<SharedCopyWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await cache.WarmAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next /compare request starts the detection again; the app keeps running.
            logger.LogError(e, "Shared-copy detection at start failed.");
        }
    }
}
