namespace AleppoDashboard.Web.Filtering;

/// <summary>
/// A page address with empty filter parameters (<c>?from=2016-12-01&amp;to=&amp;q=</c>, what the server-rendered filter
/// form submits without JavaScript) is redirected to the same address without them, so the address a reader copies
/// and shares is the clean one. Only pages: the APIs, exports and Blazor's own endpoints are left alone.
/// </summary>
public sealed class EmptyParametersRedirect(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || !IsPage(request.Path) || !HasEmptyFilterValue(request.Query))
        {
            return next(context);
        }
        var kept = request.Query.SelectMany(p => p.Value
            .Where(v => !(string.IsNullOrEmpty(v) && FilterLinks.FilterKeys.Contains(p.Key, StringComparer.OrdinalIgnoreCase)))
            .Select(v => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(v ?? ""))).ToList();
        context.Response.Redirect(request.PathBase + request.Path + (kept.Count == 0 ? "" : "?" + string.Join("&", kept)));
        return Task.CompletedTask;
    }

    static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/export") && !path.StartsWithSegments("/_framework")
        && !path.StartsWithSegments("/_blazor") && !path.StartsWithSegments("/_content") && !Path.HasExtension(path.Value);

    static bool HasEmptyFilterValue(IQueryCollection query) =>
        query.Any(p => FilterLinks.FilterKeys.Contains(p.Key, StringComparer.OrdinalIgnoreCase) && p.Value.Any(string.IsNullOrEmpty));
}
