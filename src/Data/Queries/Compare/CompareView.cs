using AleppoDashboard.Data.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Queries.Compare;

/// <summary>What the comparison page shows for one filter and selection: columns, rows, framing matrix, shared-copy count.</summary>
public sealed record CompareView(List<CompareColumn> Columns, List<CompareRow> Rows, List<FramingMatrixRow> Matrix, int SharedInFilter)
{
    /// <summary>
    /// Reads the view without the shared-copy marks (see <see cref="WithCopiesAsync"/>), so that it does not depend on
    /// whether the detection is done: only the wire row needs the map, and it is left out until the map is ready.
    /// The filtered article ids are read once and serve every row and the matrix.
    /// </summary>
    public static async Task<CompareView> ReadAsync(DashboardDb db, DashboardFilter filter, CompareSelection selection,
        SharedCopies shared, int perCell, CancellationToken ct)
    {
        var columns = await db.CompareColumnsAsync(filter, ct);
        var ids = await FilteredIds.ReadAsync(db, filter, ct);
        var rows = new List<CompareRow>();
        foreach (var topic in await db.CompareTopicsAsync(filter, selection, ct))
        {
            if (topic.Kind != CompareTopicKind.Wire) rows.Add(await db.CompareRowAsync(topic, ids, SharedCopies.None, perCell, ct));
            // Without the map the wire row would look empty ("said nothing"); the page says the map is not ready instead.
            else if (shared.IsReady) rows.Add(await db.CompareRowAsync(topic, ids, shared, perCell, ct));
        }
        var matrix = await db.FramingMatrixAsync(filter, ct);
        return new CompareView(columns, rows, matrix, 0);
    }

    /// <summary>
    /// The view with the shared-copy map applied: each shown sentence's first copies and their count, the framing matrix's
    /// hits inside shared copy, and how many sentences of the filtered articles are shared. All in memory but one read
    /// of the filtered article ids (none for an empty filter).
    /// </summary>
    public async Task<CompareView> WithCopiesAsync(DashboardDb db, DashboardFilter filter, SharedCopies shared, int perCell, CancellationToken ct)
    {
        if (!shared.IsReady || shared.Count == 0) return this;
        var ids = await FilteredIds.ReadAsync(db, filter, ct);
        var rows = Rows.Select(r => r.Topic.Kind == CompareTopicKind.Wire ? r : r with
        {
            Cells = r.Cells.ToDictionary(c => c.Key, c => (IReadOnlyList<CompareSentence>)c.Value
                .Select(s => s with { SharedWith = shared.With(s.SentenceId, perCell), SharedCount = shared.CopiesOf(s.SentenceId) }).ToList()),
        }).ToList();
        var outletIds = await db.Outlets.AsNoTracking().ToDictionaryAsync(o => o.Slug, o => o.Id, ct);
        return this with { Rows = rows, Matrix = FramingMatrixQueries.WithSharedHits(Matrix, shared, ids, outletIds), SharedInFilter = shared.SharedIn(ids) };
    }
}

/// <summary>
/// The comparison views already computed (without copy marks), per filter and selection, until
/// <see cref="Schema.ContentVersion"/> moves (at most <see cref="MaxEntries"/> of them: each holds at most 5 sentences per
/// cell). Only a view with the wire row depends on whether the shared-copy map is ready. Register as a singleton.
/// </summary>
public sealed class CompareViewCache
{
    public const int MaxEntries = 16;

    readonly ContentVersionCache<CompareView> views = new(MaxEntries);

    public Task<CompareView> GetAsync(DashboardDb db, DashboardFilter filter, CompareSelection selection, SharedCopies shared, int perCell, CancellationToken ct)
    {
        var wire = selection.Topic == "wire" ? shared.IsReady.ToString() : "";
        var key = $"{filter.ToQueryString()}\n{selection.Topic}\n{selection.Term}\n{perCell}\n{wire}";
        return views.GetAsync(db, key, () => CompareView.ReadAsync(db, filter, selection, shared, perCell, ct), ct);
    }
}
