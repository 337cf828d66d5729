using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Control;

/// <summary>Counts of control claims computed in SQL, for views that show a number rather than the rows.</summary>
public static class ClaimCountQueries
{
    /// <summary>How many of the filtered claims about <paramref name="scope"/> the chart can plot (same rule as <see cref="ControlClaimRow.Plottable"/>).</summary>
    public static Task<int> PlottableClaimCountAsync(this DashboardDb db, DashboardFilter filter, string scope, CancellationToken ct) =>
        db.FilteredFacts<ControlClaim>(filter)
            .CountAsync(c => c.Scope == scope && c.Article.Published != null && c.Article.PublishedPrecision == DatePrecision.Day, ct);
}
