using AleppoDashboard.Data.Facts;
using System.Globalization;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Views.Articles;
using AleppoDashboard.Data.Views.Control;
using AleppoDashboard.Web.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Web.Views.Control;

/// <summary>One control claim with its sentence (<c>/api/claims/{id}</c>). <c>Plotted</c> is false for month-only and undated articles.</summary>
public sealed record ClaimJson(
    int ClaimId, int ArticleId, string OutletSlug, string OutletName, string? Published, string Precision, bool Plotted,
    double ValuePercent, string Kind, string Scope, int? Count, int? Of, string Hedge, string AttributedTo,
    string Sentence, int SentenceIndex, int Start, int Length, string MatchedText, string Href,
    double? StatedPercent, string? StatedHolder, string? Stated)
{
    public static ClaimJson From(ControlClaimRow c, DashboardFilter? filter = null) => new(
        c.ClaimId, c.ArticleId, c.OutletSlug, c.OutletName, c.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        c.Precision.ToString().ToLowerInvariant(), c.Plottable, c.ValuePercent, c.Kind.ToText(), c.Scope, c.Count, c.Of, c.Hedge.ToText(), c.AttributedTo,
        c.SentenceText, c.SentenceIndex, c.Start, c.Length, c.MatchedText, SentenceLinks.Of(c.ArticleId, c.SentenceIndex, filter),
        c.StatedPercent, c.StatedHolder, c.Stated);
}

/// <summary>An outlet as the chart names and colours it.</summary>
public sealed record OutletJson(string Slug, string Name);

/// <summary><c>/api/claims</c>: the control chart's data, through the shared filter and a <c>scope</c> parameter; <c>/api/claims/{id}</c>: one claim.</summary>
public static class ClaimsApi
{
    public static RouteGroupBuilder MapClaimsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/claims", Claims);
        group.MapGet("/claims/{id:int}", Claim);
        return group;
    }

    static async Task<IResult> Claims(RequestFilter request, DashboardDb db, ControlViewCache cache, HttpContext context, CancellationToken ct)
    {
        var filter = await request.ResolveAsync(ct);
        var scope = await ClaimScope.ResolveAsync(context.Request.Query["scope"], db, ct);
        if (!scope.IsValid) return RequestFilter.BadRequest([scope.Error!]);
        var outlets = await db.AllOutletsAsync(ct);
        var claims = await cache.GetAsync(db, filter.Filter, scope.Scope!, ct);
        var label = await db.ScopeLabelAsync(scope.Scope!, ct);
        return new ClaimsJsonResult(scope.Scope!, label, claims, outlets.Select(o => new OutletJson(o.Slug, o.Name)).ToList(),
            outlets.Select((o, i) => (o.Id, i)).ToDictionary(o => o.Id, o => o.i));
    }

    /// <summary>One claim; its link to the sentence carries the filter of the request (the chart asks with its own).</summary>
    static async Task<IResult> Claim(int id, DashboardDb db, RequestFilter request, CancellationToken ct) =>
        await db.ControlClaimRowAsync(id, ct) is { } claim ? Results.Ok(ClaimJson.From(claim, (await request.ResolveAsync(ct)).Filter)) : Results.NotFound();
}
