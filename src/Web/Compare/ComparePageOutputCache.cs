using AleppoDashboard.Data;
using AleppoDashboard.Data.Schema;
using Microsoft.AspNetCore.OutputCaching;

namespace AleppoDashboard.Web.Compare;

/// <summary>
/// The rendered /compare page (up to 1.5 MB of HTML: 20 outlets × 13 rows × 5 sentences with their copies), kept per
/// query string and content version, so that a repeated request is not rendered again. A page rendered before the
/// shared-copy map was ready is not kept (<see cref="DoNotStore"/>). Errors (400) are never kept.
/// </summary>
public static class ComparePageOutputCache
{
    public const string Policy = "compare";

    /// <summary>Room for the kept pages of every policy (a few dozen /compare pages).</summary>
    public const long SizeLimit = 64L * 1024 * 1024;

    public static void AddComparePolicy(this OutputCacheOptions options)
    {
        options.SizeLimit = SizeLimit;
        options.AddPolicy(Policy, b => b.SetVaryByQuery("*").Expire(TimeSpan.FromHours(1))
            .VaryByValue(async (context, ct) =>
                new KeyValuePair<string, string>("content", (await ContentVersion.ReadAsync(context.RequestServices.GetRequiredService<DashboardDb>(), ct)).ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>Keeps this response out of the cache (the page without copy marks, shown while the detection runs).</summary>
    public static void DoNotStore(HttpContext context)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } feature) feature.Context.AllowCacheStorage = false;
    }
}
