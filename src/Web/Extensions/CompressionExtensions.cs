using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace AleppoDashboard.Web.Extensions;

/// <summary>
/// Brotli, then gzip (the client's Accept-Encoding decides) for pages, JSON, GeoJSON and CSV: a /map page is about
/// 140 KB of HTML and a whole export tens of MB of text, both of which shrink several times. At the fastest level: the
/// app renders most responses per request, and a higher level cost more CPU than it saved in bytes on loopback.
/// Placed before the output cache, which therefore keeps the uncompressed page and serves every client its encoding;
/// exports still stream (the compressing stream sends what it has on each flush). Static assets are left to
/// MapStaticAssets, which serves its own precompressed files.
/// </summary>
public static class CompressionExtensions
{
    public static readonly string[] CompressedTypes =
    [
        "text/html", "text/plain", "text/css", "application/javascript", "text/javascript",
        "application/json", "application/problem+json", "application/geo+json", "text/csv", "image/svg+xml",
    ];

    public static IServiceCollection AddDashboardCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Over HTTPS too: no response carries a secret next to reflected input (no cookies, no antiforgery tokens;
            // NoAntiforgeryTokens), which is what a BREACH-style attack on compression needs.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = CompressedTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
