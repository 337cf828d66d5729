using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.SharedCopyDetection;
using AleppoDashboard.Data.Views.Articles;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Compare;

/// <summary>The framing matrix: every lexicon term × the filtered outlets, as hits and hits per 1,000 words.</summary>
public static class FramingMatrixQueries
{
    /// <summary>
    /// Rows in lexicon group then label order. Per 1,000 words = hits ÷ (sum of <c>Article.Words</c> of the
    /// outlet's filtered articles) × 1000. SharedHits stays 0 here: see <see cref="WithSharedHitsAsync"/>.
    /// </summary>
    public static async Task<List<FramingMatrixRow>> FramingMatrixAsync(this DashboardDb db, DashboardFilter filter, CancellationToken ct)
    {
        var terms = await db.FramingTerms.AsNoTracking().OrderBy(t => t.GroupLabel).ThenBy(t => t.Label).ToListAsync(ct);
        var hits = await db.FilteredFacts<FramingTermHit>(filter)
            .GroupBy(h => new { h.TermId, h.Article.OutletId })
            .Select(g => new { g.Key.TermId, g.Key.OutletId, Hits = g.Count() })
            .ToListAsync(ct);
        var slugs = await db.Outlets.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Slug, ct);
        var words = (await db.OutletSummariesAsync(filter, ct)).ToDictionary(o => o.Slug, o => o.Words);
        var byTerm = hits.ToLookup(h => h.TermId);
        return terms.Select(t => new FramingMatrixRow(t.Id, t.Label, t.Group, t.GroupLabel, t.Variants,
                byTerm[t.Id].ToDictionary(h => slugs[h.OutletId], h => new FramingCell(
                    h.Hits,
                    0,
                    words.GetValueOrDefault(slugs[h.OutletId]) is > 0 and var w ? h.Hits * 1000.0 / w : 0))))
            .ToList();
    }

    /// <summary>The matrix with SharedHits: the hits standing in sentences that are shared wire copy, from the stored map.</summary>
    public static async Task<List<FramingMatrixRow>> WithSharedHitsAsync(this DashboardDb db, List<FramingMatrixRow> matrix, FilteredIds ids, CancellationToken ct)
    {
        var sharedHits = await SharedCopyReads.SharedTermHitsAsync(db, ids, ct);
        var outletIds = await db.Outlets.AsNoTracking().ToDictionaryAsync(o => o.Slug, o => o.Id, ct);
        return matrix.Select(m => m with
        {
            ByOutlet = m.ByOutlet.ToDictionary(c => c.Key, c => c.Value with
            {
                SharedHits = outletIds.TryGetValue(c.Key, out var outlet) ? sharedHits.GetValueOrDefault((m.TermId, outlet)) : 0,
            }),
        }).ToList();
    }
}
