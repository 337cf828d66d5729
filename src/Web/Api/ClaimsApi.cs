using AleppoDashboard.Data;
using AleppoDashboard.Data.Queries;
using AleppoDashboard.Web.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Web.Api;

/// <summary>One control claim as the chart reads it. <c>Plotted</c> is false for month-only and undated articles.</summary>
public sealed record ClaimJson(
    int ClaimId, int ArticleId, string OutletSlug, string OutletName, string? Published, string Precision, bool Plotted,
    double ValuePercent, string Kind, string Scope, int? Count, int? Of, string Hedge, string AttributedTo,
    string Sentence, int SentenceIndex, int Start, int Length, string MatchedText, string Href)
{
    public static ClaimJson From(ControlClaimRow c) => new(
        c.ClaimId, c.ArticleId, c.OutletSlug, c.OutletName, c.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        c.Precision.ToString().ToLowerInvariant(), c.Plottable, c.ValuePercent, c.Kind, c.Scope, c.Count, c.Of, c.Hedge, c.AttributedTo,
        c.SentenceText, c.SentenceIndex, c.Start, c.Length, c.MatchedText, SentenceLinks.Of(c.ArticleId, c.SentenceIndex));
}

/// <summary>
/// The claims of one scope in the filtered articles, the scopes that have any, and every outlet's slug in name order
/// (so an outlet keeps its colour whatever the filter and scope).
/// </summary>
public sealed record ClaimsJson(string Scope, string ScopeLabel, IReadOnlyList<ClaimJson> Claims, IReadOnlyList<ClaimScopeSummary> Scopes, IReadOnlyList<string> Outlets);

/// <summary><c>/api/claims</c>: the control chart's data, through the shared filter and a <c>scope</c> parameter.</summary>
public static class ClaimsApi
{
    public static RouteGroupBuilder MapClaimsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/claims", Claims);
        return group;
    }

    static async Task<IResult> Claims(RequestFilter request, DashboardDb db, HttpContext context, CancellationToken ct)
    {
        var filter = await request.ResolveAsync(ct);
        var scope = await ClaimScope.ResolveAsync(context.Request.Query["scope"], db, ct);
        if (!scope.IsValid) return RequestFilter.BadRequest([scope.Error!]);
        var claims = await db.ControlClaimRows(filter.Filter, scope.Scope!).ToListAsync(ct);
        var scopes = await db.ClaimScopesAsync(filter.Filter, scope.Scope, ct);
        var label = await db.ScopeLabelAsync(scope.Scope!, ct);
        var outlets = (await db.AllOutletsAsync(ct)).Select(o => o.Slug).ToList();
        return Results.Ok(new ClaimsJson(scope.Scope!, label, claims.Select(ClaimJson.From).ToList(), scopes, outlets));
    }
}
