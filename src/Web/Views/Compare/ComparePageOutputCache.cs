using AleppoDashboard.Data;
using AleppoDashboard.Data.SharedCopyDetection;
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
        options.AddPolicy(Policy, b => b.SetVaryByQuery("*").Expire(TimeSpan.FromHours(1))
            .VaryByValue(async (context, ct) =>
            {
                var (version, ready) = await SharedCopyStore.StateAsync(context.RequestServices.GetRequiredService<DashboardDb>(), ct);
                // A page that found the map current after this check is kept under "not ready" too: that is only better.
                return new KeyValuePair<string, string>("content", $"{version}:{(ready ? "copies" : "no-copies")}");
            }));
    }
}
