using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AleppoDashboard.Web.Caching;

/// <summary>
/// Requests every page, API and export once through the app's own address after start-up, unfiltered and with one
/// filter, so that the code of each (its components, its queries' translation, the filtered paths) is compiled before a
/// reader's first request instead of during it: the first filtered request of a page after a start took about 2 s more
/// than the next ones (benchmarks/PERFORMANCE.md, issue 18). It holds no data of its own: what these requests compute
/// is what any visitor's would have, kept by the same caches. Exports are read to their first bytes only.
/// </summary>
public static class PageWarmUp
{
    /// <summary>
    /// Paths requested as they are and with <see cref="Filter"/> added. The unfiltered exports are not: they are whole
    /// copies of the corpus, which an early stop would still have the server read.
    /// </summary>
    static readonly string[] Pages =
    [
        "/", "/articles", "/map", "/control", "/compare", "/compare?topic=claims", "/api/map.geojson", "/api/claims",
    ];

    static readonly string[] Exports =
    [
        "/export/articles.csv", "/export/outlets.csv", "/export/map.csv", "/export/control.csv", "/export/claims.csv",
        "/export/mentions.csv",
    ];

    /// <summary>Left out filtered: the comparison of every article is seconds of work for a start-up (its code is warmed unfiltered).</summary>
    static bool WorthFiltering(string path) => !path.Contains("compare", StringComparison.Ordinal);

    /// <summary>
    /// The filter the filtered paths run with: from the newest article's date, so they select a day's articles, not
    /// the whole corpus (which at a million articles would cost a start-up what every unfiltered view costs again).
    /// </summary>
    public static string Filter(DateOnly? newest) =>
        "from=" + (newest ?? new DateOnly(1900, 1, 1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task RunAsync(IServer server, DateOnly? newest, ILogger log, CancellationToken ct)
    {
        if (BaseAddress(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []) is not { } address) return;
        var filtered = Filter(newest);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        var buffer = new byte[16 * 1024];
        var paths = Pages.Concat(Pages.Concat(Exports).Where(WorthFiltering).Select(p => p + (p.Contains('?') ? "&" : "?") + filtered));
        foreach (var path in paths)
        {
            try
            {
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                // An export's first bytes are enough (the rest would be a copy of the corpus); a page is read whole.
                var export = path.StartsWith("/export/", StringComparison.Ordinal);
                while (await body.ReadAsync(buffer, ct) > 0 && !export)
                {
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                // Never fatal: the page is compiled on its first real request instead.
                log.LogDebug("Page warm-up of {Path} failed: {Reason}", path, e.Message);
            }
        }
    }

    /// <summary>The first HTTP address the server listens on, as an address a client on this machine can reach (none under a test server).</summary>
    internal static Uri? BaseAddress(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            if (!address.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) continue;
            var uri = new UriBuilder(address.Replace("://*", "://localhost").Replace("://+", "://localhost"));
            if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "127.0.0.1";
            return uri.Uri;
        }
        return null;
    }
}
