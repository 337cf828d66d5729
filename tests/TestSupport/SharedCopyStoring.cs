using AleppoDashboard.Data;
using AleppoDashboard.Data.SharedCopyDetection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.TestSupport;

public static class SharedCopyStoring
{
    /// <summary>
    /// Stores the shared-copy map of the current articles, as an ingest does at its end: for fixtures that write rows
    /// themselves and raise the content version (without it /compare would say that the copies are not known yet).
    /// </summary>
    public static Task<SharedCopyUpdate?> StoreSharedCopiesAsync(this IServiceProvider services) =>
        SharedCopyStore.UpdateAsync(services.GetRequiredService<IDbContextFactory<DashboardDb>>(), TimeProvider.System, default);
}
