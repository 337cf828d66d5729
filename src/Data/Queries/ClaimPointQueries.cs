using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Queries;

/// <summary>One point of the control chart: what it needs to draw a claim, without its sentence.</summary>
public sealed record ClaimPoint(int ClaimId, DateOnly Published, double ValuePercent, int OutletId, string Kind, string Hedge);

/// <summary>A date on which several plottable claims were published: how many, by whom, and their spread.</summary>
public sealed record ClaimDateSpread(DateOnly Date, int Claims, IReadOnlyList<string> Outlets, double Min, double Max);

/// <summary>Reads for the control chart and the page's summaries: small rows and aggregates, never the sentences.</summary>
public static class ClaimPointQueries
{
    /// <summary>The plottable claims of one scope (articles dated to the day), in the order the table lists them.</summary>
    public static IQueryable<ClaimPoint> PlottedClaimPoints(this DashboardDb db, DashboardFilter filter, string scope) =>
        db.ScopeClaimsInOrder(filter, scope)
            .Where(c => c.Article.Published != null && c.Article.PublishedPrecision == DatePrecision.Day)
            .Select(c => new ClaimPoint(c.Id, c.Article.Published!.Value, c.ValuePercent, c.Article.OutletId, c.Kind, c.Hedge));

    /// <summary>How many claims of the filtered articles are about <paramref name="scope"/>.</summary>
    public static Task<int> ScopeClaimCountAsync(this DashboardDb db, DashboardFilter filter, string scope, CancellationToken ct) =>
        db.FilteredFacts<ControlClaim>(filter).CountAsync(c => c.Scope == scope, ct);

    /// <summary>Dates with more than one plottable claim about <paramref name="scope"/>, oldest first; outlets by name.</summary>
    public static async Task<List<ClaimDateSpread>> DatesWithSeveralClaimsAsync(this DashboardDb db, DashboardFilter filter, string scope, CancellationToken ct)
    {
        // Grouped in SQL by date and outlet (a few thousand rows at most), then by date here.
        var perOutlet = await db.FilteredFacts<ControlClaim>(filter)
            .Where(c => c.Scope == scope && c.Article.Published != null && c.Article.PublishedPrecision == DatePrecision.Day)
            .Select(c => new { Published = c.Article.Published!.Value, c.Article.Outlet.Name, c.ValuePercent })
            .GroupBy(c => new { c.Published, c.Name })
            .Select(g => new { g.Key.Published, g.Key.Name, Claims = g.Count(), Min = g.Min(c => c.ValuePercent), Max = g.Max(c => c.ValuePercent) })
            .ToListAsync(ct);
        return perOutlet
            .GroupBy(r => r.Published)
            .Where(g => g.Sum(r => r.Claims) > 1)
            .OrderBy(g => g.Key)
            .Select(g => new ClaimDateSpread(g.Key, g.Sum(r => r.Claims), g.Select(r => r.Name).Order(StringComparer.Ordinal).ToList(),
                g.Min(r => r.Min), g.Max(r => r.Max)))
            .ToList();
    }
}
