using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Queries.Compare;

/// <summary>The framing matrix: every lexicon term × the filtered outlets, as hits and hits per 1,000 words.</summary>
public static class FramingMatrixQueries
{
    /// <summary>
    /// Rows in lexicon group then label order. Per 1,000 words = hits ÷ (sum of <c>Article.Words</c> of the
    /// outlet's filtered articles) × 1000. SharedHits counts the hits standing in sentences that are shared wire copy.
    /// </summary>
    public static async Task<List<FramingMatrixRow>> FramingMatrixAsync(this DashboardDb db, DashboardFilter filter,
        SharedCopies shared, CancellationToken ct)
    {
        var terms = await db.FramingTerms.AsNoTracking().OrderBy(t => t.GroupLabel).ThenBy(t => t.Label).ToListAsync(ct);
        var hits = await db.FilteredFacts<FramingTermHit>(filter)
            .Select(h => new { h.TermId, h.SentenceId, Outlet = h.Article.Outlet.Slug })
            .ToListAsync(ct);
        var words = (await db.OutletSummariesAsync(filter, ct)).ToDictionary(o => o.Slug, o => o.Words);
        var byTerm = hits.ToLookup(h => h.TermId);
        return terms.Select(t => new FramingMatrixRow(t.Id, t.Label, t.Group, t.GroupLabel, t.Variants,
                byTerm[t.Id].GroupBy(h => h.Outlet).ToDictionary(g => g.Key, g => new FramingCell(
                    g.Count(),
                    g.Count(h => shared.IsShared(h.SentenceId)),
                    words.GetValueOrDefault(g.Key) is > 0 and var w ? g.Count() * 1000.0 / w : 0))))
            .ToList();
    }
}
