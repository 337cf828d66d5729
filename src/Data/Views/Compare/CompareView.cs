using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.SharedCopyDetection;
using AleppoDashboard.Data.Views.Facets;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Compare;

/// <summary>What the comparison page shows for one filter and selection: columns, rows, framing matrix, shared-copy count.</summary>
public sealed record CompareView(List<CompareColumn> Columns, List<CompareRow> Rows, List<FramingMatrixRow> Matrix, int SharedInFilter)
{
    /// <summary>
    /// Reads the view. With <paramref name="copies"/> (the stored shared-copy map is current) each shown sentence carries
    /// its first copies and their count, the framing matrix its hits inside shared copy, and the view how many sentences
    /// of the filtered articles are shared; without it none of these, and no wire row (it would look empty: "said
    /// nothing"; the page says the map is not ready instead). The filtered article ids are read once and serve every row
    /// and the matrix; <paramref name="matrixOf"/> gives the matrix (<see cref="MatrixAsync"/>, or a kept one).
    /// </summary>
    public static async Task<CompareView> ReadAsync(DashboardDb db, DashboardFilter filter, CompareSelection selection,
        bool copies, int perCell, CompareScope scope, Func<Task<FilterMatrix>> matrixOf, CancellationToken ct)
    {
        var columns = await db.CompareColumnsAsync(filter, scope, ct);
        var rows = new List<CompareRow>();
        var lister = new SharedCopyLister(perCell);
        foreach (var topic in await db.CompareTopicsAsync(filter, selection, scope, ct))
        {
            if (topic.Kind != CompareTopicKind.Wire || copies) rows.Add(await db.CompareRowAsync(topic, scope, copies, perCell, ct, origins: filter.CountOrigins, lister: lister));
        }
        var matrix = await matrixOf();
        return new CompareView(columns, rows, matrix.Matrix, matrix.SharedInFilter);
    }

    /// <summary>
    /// The framing matrix of the filtered articles and how many of their sentences are shared copy (with
    /// <paramref name="copies"/>; otherwise 0, and no hits counted as shared). It depends on the filter only, not on the
    /// rows chosen; summed from the facets when the scope has them, else (over a whole corpus every term hit) in SQL.
    /// </summary>
    public static async Task<FilterMatrix> MatrixAsync(DashboardDb db, DashboardFilter filter, CompareScope scope, bool copies, CancellationToken ct)
    {
        if (scope.Facets is not null) return await CompareFromFacets.MatrixAsync(db, scope, copies, ct);
        var matrix = await db.FramingMatrixAsync(filter, ct);
        if (!copies) return new(matrix, 0);
        var ids = await scope.IdsAsync(db, ct);
        return new(await db.WithSharedHitsAsync(matrix, ids, ct), await SharedCopyReads.SharedInAsync(db, ids, ct));
    }
}

/// <summary>The framing matrix of a filter and how many sentences of its articles are shared copy.</summary>
public sealed record FilterMatrix(List<FramingMatrixRow> Matrix, int SharedInFilter);

/// <summary>
/// The comparison views already computed, per filter, selection and whether the stored shared-copy map was current, until
/// <see cref="Schema.ContentVersion"/> moves (at most <see cref="MaxEntries"/> of them: each holds at most 5 sentences per
/// cell, with at most 5 copies each). The framing matrix is kept per filter apart from the views, so that another
/// choice of rows (a topic, a term) for the same filter does not count every term hit again. Register as a singleton.
/// </summary>
public sealed class CompareViewCache(SearchMatchCache searches, ArticleFacetsCache? facets = null)
{
    public const int MaxEntries = 16;

    readonly ContentVersionCache<CompareView> views = new(MaxEntries);
    readonly ContentVersionCache<FilterMatrix> matrices = new(MaxEntries);

    public Task<CompareView> GetAsync(DashboardDb db, DashboardFilter filter, CompareSelection selection, bool copies, int perCell, CancellationToken ct)
    {
        var key = $"{filter.CacheKey}\n{selection.Topic}\n{selection.Term}\n{perCell}\n{copies}";
        return views.GetAsync(db, key, async () =>
        {
            var scope = await OpenScopeAsync(db, filter, ct);
            return await CompareView.ReadAsync(db, filter, selection, copies, perCell, scope,
                () => matrices.GetAsync(db, $"{filter.CacheKey}\n{copies}", () => CompareView.MatrixAsync(db, filter, scope, copies, ct), ct), ct);
        }, ct);
    }

    /// <summary>The articles of <paramref name="filter"/> as the page reads them (the CSV export opens its scope here too), in the caller's snapshot.</summary>
    public Task<CompareScope> OpenScopeAsync(DashboardDb db, DashboardFilter filter, CancellationToken ct) =>
        CompareScope.OpenAsync(db, filter, searches, facets, ct);
}
