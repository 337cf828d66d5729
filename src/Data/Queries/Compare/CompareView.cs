using AleppoDashboard.Data.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Queries.Compare;

/// <summary>What the comparison page shows for one filter and selection: columns, rows, framing matrix, shared-copy count.</summary>
public sealed record CompareView(List<CompareColumn> Columns, List<CompareRow> Rows, List<FramingMatrixRow> Matrix, int SharedInFilter)
{
    /// <summary>
    /// Reads the view. With <paramref name="copies"/> (the stored shared-copy map is current) each shown sentence carries
    /// its first copies and their count, the framing matrix its hits inside shared copy, and the view how many sentences
    /// of the filtered articles are shared; without it none of these, and no wire row (it would look empty: "said
    /// nothing"; the page says the map is not ready instead). The filtered article ids are read once and serve every row
    /// and the matrix.
    /// </summary>
    public static async Task<CompareView> ReadAsync(DashboardDb db, DashboardFilter filter, CompareSelection selection,
        bool copies, int perCell, CancellationToken ct)
    {
        var columns = await db.CompareColumnsAsync(filter, ct);
        var ids = await FilteredIds.ReadAsync(db, filter, ct);
        var rows = new List<CompareRow>();
        foreach (var topic in await db.CompareTopicsAsync(filter, selection, ct))
        {
            if (topic.Kind != CompareTopicKind.Wire || copies) rows.Add(await db.CompareRowAsync(topic, ids, copies, perCell, ct));
        }
        var matrix = await db.FramingMatrixAsync(filter, ct);
        if (!copies) return new CompareView(columns, rows, matrix, 0);
        return new CompareView(columns, rows, await db.WithSharedHitsAsync(matrix, ids, ct), await SharedCopyReads.SharedInAsync(db, ids, ct));
    }
}

/// <summary>
/// The comparison views already computed, per filter, selection and whether the stored shared-copy map was current, until
/// <see cref="Schema.ContentVersion"/> moves (at most <see cref="MaxEntries"/> of them: each holds at most 5 sentences per
/// cell, with at most 5 copies each). Register as a singleton.
/// </summary>
public sealed class CompareViewCache
{
    public const int MaxEntries = 16;

    readonly ContentVersionCache<CompareView> views = new(MaxEntries);

    public Task<CompareView> GetAsync(DashboardDb db, DashboardFilter filter, CompareSelection selection, bool copies, int perCell, CancellationToken ct)
    {
        var key = $"{filter.CacheKey}\n{selection.Topic}\n{selection.Term}\n{perCell}\n{copies}";
        return views.GetAsync(db, key, () => CompareView.ReadAsync(db, filter, selection, copies, perCell, ct), ct);
    }
}
