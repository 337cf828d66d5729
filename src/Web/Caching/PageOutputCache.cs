using Microsoft.AspNetCore.OutputCaching;

namespace AleppoDashboard.Web.Caching;

/// <summary>
/// Every page's rendered HTML, kept per query string, content version and whether the stored shared-copy map is that
/// version's (<see cref="ContentStateAsync"/>), so a repeated URL is served from memory instead of rendered again
/// (rendering /map, 140 KB of HTML, served about 0.03× the requests/s of the same bytes as a static file: PERFORMANCE.md).
/// A page is of one state of the data, and a new ingest makes a new key. Kept at most <see cref="Lifetime"/>: a page holds
/// the interactive filter bar's component markers, which Blazor protects with a time limit (five minutes), so an older
/// copy would leave that bar static. Errors (400, 404) are never kept. APIs and exports are not kept here (the view
/// caches in Data hold their data; a whole-corpus answer is tens of MB).
/// </summary>
public static class PageOutputCache
{
    public const string Policy = "pages";

    /// <summary>Well inside Blazor's five-minute limit on a prerendered component's descriptor.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public static void AddPagePolicy(this OutputCacheOptions options) =>
        options.AddPolicy(Policy, b => b.SetVaryByQuery("*").Expire(Lifetime).VaryByValue(ContentStateAsync));

    /// <summary>
    /// The content version and whether the shared-copy map is current for it (held in memory between changes of the
    /// database files: <see cref="ContentStateWatch"/>). A page that found the map current after
    /// this check is kept under "no-copies" too: that is only better. A page fetched by Blazor's enhanced navigation (an
    /// interactive component changing the address in place) is kept apart: its answer carries the
    /// <c>blazor-enhanced-nav: allow</c> header, without which Blazor falls back to a full load.
    /// </summary>
    public static async ValueTask<KeyValuePair<string, string>> ContentStateAsync(HttpContext context, CancellationToken ct)
    {
        var (version, ready) = await context.RequestServices.GetRequiredService<ContentStateWatch>().StateAsync(context.RequestServices, ct);
        var enhanced = context.Request.Headers.Accept.ToString().Contains("blazor-enhanced-nav=on", StringComparison.OrdinalIgnoreCase);
        return new KeyValuePair<string, string>("content", $"{version}:{(ready ? "copies" : "no-copies")}{(enhanced ? ":enhanced" : "")}");
    }

    /// <summary>Puts every Razor page (component endpoint) under <see cref="Policy"/>.</summary>
    public static RazorComponentsEndpointConventionBuilder CachePages(this RazorComponentsEndpointConventionBuilder pages)
    {
        pages.Add(endpoint => endpoint.Metadata.Add(new OutputCacheAttribute { PolicyName = Policy }));
        return pages;
    }
}
