using AleppoDashboard.Web.Caching;
using AleppoDashboard.Web.Components;
using AleppoDashboard.Web.Exports;
using AleppoDashboard.Web.Filtering;
using AleppoDashboard.Web.Views.Control;
using AleppoDashboard.Web.Views.Map;
using AleppoDashboard.Web.Views.Map.Tiles;

namespace AleppoDashboard.Web.Extensions;

public static class PipelineExtensions
{
    public static WebApplication UseDashboardPipeline(this WebApplication app)
    {
        // Never a stack trace: unexpected errors get a plain page, in every environment.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Before the output cache (it keeps uncompressed pages) and the endpoints (CompressionExtensions).
        app.UseResponseCompression();
        app.UseStaticFiles();
        app.UseMiddleware<EmptyParametersRedirect>();
        app.UseAntiforgery();
        // The header that lets Blazor patch a page in place, as Blazor wrote it, also on a page from the cache.
        app.UseEnhancedNavigationHeader();
        // Pages only (PageOutputCache; /compare's own policy), never APIs or exports.
        app.UseOutputCache();
        return app;
    }

    public static WebApplication MapDashboardEndpoints(this WebApplication app)
    {
        app.MapExports();
        var api = app.MapGroup("/api").AddEndpointFilter<ValidFilterRequired>();
        api.MapMapApi();
        api.MapClaimsApi();
        app.MapTiles();
        app.MapStaticAssets();
        // The security headers already forbid framing (frame-ancestors 'none'); no second, looser policy from Blazor.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null).CachePages();
        return app;
    }
}
