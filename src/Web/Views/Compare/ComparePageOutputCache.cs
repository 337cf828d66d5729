using AleppoDashboard.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;

namespace AleppoDashboard.Web.Views.Compare;

/// <summary>
/// The rendered /compare page (large: one column per outlet × the rows × 5 sentences with their copies), kept per
/// query string, content version and whether the stored shared-copy map is that version's, so that a repeated request
/// is not rendered again (also while the detection runs: the page without copy marks is kept apart from the one with
/// them). Errors (400) are never kept.
/// </summary>
public static class ComparePageOutputCache
{
    public const string Policy = "compare";

    /// <summary>Room for the kept pages of every policy (a few dozen /compare pages).</summary>
    public const long SizeLimit = 32L * 1024 * 1024;

    public static void AddComparePolicy(this OutputCacheOptions options)
    {
        options.SizeLimit = SizeLimit;
        // Not an hour: the page's interactive filter bar carries Blazor markers valid five minutes (PageOutputCache).
        options.AddPolicy(Policy, b => b.SetVaryByQuery("*").Expire(PageOutputCache.Lifetime).VaryByValue(PageOutputCache.ContentStateAsync));
    }
}
