using AleppoDashboard.Web.Options;
using Microsoft.Extensions.Options;

namespace AleppoDashboard.Web.Extensions;

/// <summary>
/// Headers on every response: a Content-Security-Policy with no inline script (all scripts are files),
/// no framing, no MIME sniffing, and no referrer leaking a filtered view to other sites.
/// The one exception is for styles: MudBlazor writes its theme as an inline &lt;style&gt; element and positions its
/// components with style attributes, so <c>style-src</c> allows <c>'unsafe-inline'</c>. Scripts stay files only.
/// The circuit of the interactive components is a WebSocket to this origin (<c>connect-src 'self'</c>).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<MapOptions> map)
{
    readonly string policy = string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:" + TileOrigin(map.Value.TileUrl),
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        return next(context);
    }

    /// <summary>The tile server's origin ("https://tile.openstreetmap.org"), so map tiles may load; "" when there are no tiles.</summary>
    static string TileOrigin(string tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl)) return "";
        var cleaned = tileUrl.Replace("{s}", "a").Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0").Replace("{r}", "");
        if (!Uri.TryCreate(cleaned, UriKind.Absolute, out var uri)) return "";
        var host = tileUrl.Contains("{s}") ? "*." + string.Join('.', uri.Host.Split('.').Skip(1)) : uri.Host;
        return $" {uri.Scheme}://{host}" + (uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
