using System.Linq.Expressions;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Views.Articles;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Control;

/// <summary>
/// One control claim with where it stands: its article (outlet, publication date and how precise that date is)
/// and its sentence, with the claim's span as offsets into <see cref="SentenceText"/>.
/// </summary>
public sealed record ControlClaimRow(
    int ClaimId, int ArticleId, string OutletSlug, string OutletName, DateOnly? Published, DatePrecision Precision,
    double ValuePercent, ClaimKind Kind, string Scope, int? Count, int? Of, ClaimHedge Hedge, string AttributedTo,
    string SentenceText, int SentenceIndex, int Start, int Length, string MatchedText, double? StatedPercent = null, string? StatedHolder = null)
{
    /// <summary>"stated: rebels hold 7%" for a claim converted from the rebels' share, else null.</summary>
    public string? Stated => StatedShare.Describe(StatedPercent, StatedHolder);

    /// <summary>Only claims of articles dated to the day go on a time axis; the rest are listed with a note.</summary>
    public bool Plottable => Published is not null && Precision == DatePrecision.Day;
}

/// <summary>A scope that has claims in the filtered articles, for the scope switcher.</summary>
public sealed record ClaimScopeSummary(string Scope, string Label, int Claims);

/// <summary>Reads of control claims, all through the shared filter.</summary>
public static class ClaimQueries
{
    public const string DefaultScope = ClaimScopes.East;

    /// <summary>Claims of the filtered articles about one scope (east, city or place:&lt;id&gt;), by date (undated last).</summary>
    public static IQueryable<ControlClaimRow> ControlClaimRows(this DashboardDb db, DashboardFilter filter, string scope) =>
        db.ScopeClaimsInOrder(filter, scope).Select(AsRow);

    /// <summary>
    /// The claims with these ids (one page of <see cref="ControlClaimRows"/>, chosen from <see cref="ScopeClaims.OrderedIds"/>),
    /// in the order given; an id whose claim is gone (rewritten by an ingest since) is left out.
    /// </summary>
    public static async Task<List<ControlClaimRow>> ControlClaimRowsByIdAsync(this DashboardDb db, int[] ids, CancellationToken ct)
    {
        var rows = await db.ControlClaims.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(AsRow).ToDictionaryAsync(r => r.ClaimId, ct);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    /// <summary>One claim by id, whatever the filter; null when there is no such claim.</summary>
    public static Task<ControlClaimRow?> ControlClaimRowAsync(this DashboardDb db, int id, CancellationToken ct) =>
        db.ControlClaims.AsNoTracking().Where(c => c.Id == id).Select(AsRow).SingleOrDefaultAsync(ct);

    /// <summary>The claims of one scope in the filtered articles, in the order every view lists them.</summary>
    internal static IOrderedQueryable<ControlClaim> ScopeClaimsInOrder(this DashboardDb db, DashboardFilter filter, string scope) =>
        db.FilteredFacts<ControlClaim>(filter)
            .Where(c => c.Scope == scope)
            .OrderBy(c => c.Article.Published == null).ThenBy(c => c.Article.Published)
            .ThenBy(c => c.Article.Outlet.Name).ThenBy(c => c.ArticleId).ThenBy(c => c.Sentence.Index).ThenBy(c => c.Start);

    static readonly Expression<Func<ControlClaim, ControlClaimRow>> AsRow = c => new ControlClaimRow(
        c.Id, c.ArticleId, c.Article.Outlet.Slug, c.Article.Outlet.Name,
        c.Article.Published, c.Article.PublishedPrecision, c.ValuePercent, c.Kind, c.Scope, c.Count, c.Of,
        c.Hedge, c.AttributedTo, c.Sentence.Text, c.Sentence.Index, c.Start, c.Length, c.MatchedText, c.StatedPercent, c.StatedHolder);

    /// <summary>
    /// Scopes with claims in the filtered articles: east and city first, then places by name.
    /// <paramref name="alwaysInclude"/> (the scope on show) is listed even when it has no claims.
    /// </summary>
    public static async Task<List<ClaimScopeSummary>> ClaimScopesAsync(this DashboardDb db, DashboardFilter filter, string? alwaysInclude, CancellationToken ct)
    {
        var counts = await db.FilteredFacts<ControlClaim>(filter)
            .GroupBy(c => c.Scope)
            .Select(g => new { Scope = g.Key, Claims = g.Count() })
            .ToDictionaryAsync(g => g.Scope, g => g.Claims, ct);
        return await db.ClaimScopesAsync(counts, alwaysInclude, ct);
    }

    /// <summary>The scope switcher's list from claims counted per scope (in SQL above, or from <c>ClaimFacets</c>).</summary>
    public static async Task<List<ClaimScopeSummary>> ClaimScopesAsync(this DashboardDb db, Dictionary<string, int> counts, string? alwaysInclude, CancellationToken ct)
    {
        if (alwaysInclude is not null) counts.TryAdd(alwaysInclude, 0);
        var placeIds = counts.Keys.Where(s => s.StartsWith(ClaimScopes.PlacePrefix, StringComparison.Ordinal)).Select(s => s[ClaimScopes.PlacePrefix.Length..]).ToList();
        var names = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return counts
            .Select(c => new ClaimScopeSummary(c.Key, ScopeLabel(c.Key, names), c.Value))
            .OrderBy(s => s.Scope switch { ClaimScopes.East => 0, ClaimScopes.City => 1, _ => 2 }).ThenBy(s => s.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>"east Aleppo", "Aleppo as a whole", or the gazetteer name of a place scope.</summary>
    public static async Task<string> ScopeLabelAsync(this DashboardDb db, string scope, CancellationToken ct)
    {
        if (!scope.StartsWith(ClaimScopes.PlacePrefix, StringComparison.Ordinal)) return ScopeLabel(scope, new Dictionary<string, string>());
        var id = scope[ClaimScopes.PlacePrefix.Length..];
        var name = await db.Places.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(ct);
        return name ?? id;
    }

    static string ScopeLabel(string scope, IReadOnlyDictionary<string, string> placeNames) =>
        scope.StartsWith(ClaimScopes.PlacePrefix, StringComparison.Ordinal) && placeNames.TryGetValue(scope[ClaimScopes.PlacePrefix.Length..], out var name)
            ? name
            : scope == "city" ? "Aleppo as a whole" : FactQueries.ScopeLabel(scope);
}
