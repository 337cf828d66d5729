namespace AleppoDashboard.Web.Caching;

/// <summary>
/// Blazor's enhanced navigation patches a page in place only when its answer carries <c>blazor-enhanced-nav: allow</c>,
/// compared case-sensitively in blazor.web.js. The output cache gives a stored page's header values back from its
/// table of common strings, where the value <c>allow</c> comes back as <c>Allow</c> (seen in Chromium: "Enhanced
/// navigation failed ... Falling back to full page load" on the second request of a URL). So a page served from the
/// cache made a full load of every filter the reader had already seen (Back, Forward, a chip to an earlier filter).
/// This puts the value back as Blazor writes it, on every answer, cached or not.
/// </summary>
public static class EnhancedNavigationHeader
{
    const string Name = "blazor-enhanced-nav";

    /// <summary>Before <c>UseOutputCache</c>, so it sees the answers that the cache writes.</summary>
    public static IApplicationBuilder UseEnhancedNavigationHeader(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (headers.TryGetValue(Name, out var value) && value.Count == 1 && value[0] is { } v && v != "allow"
                    && v.Equals("allow", StringComparison.OrdinalIgnoreCase))
                {
                    headers[Name] = "allow";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
}
