using AleppoDashboard.Data.Filtering;

namespace AleppoDashboard.Data.Queries.Compare;

/// <summary>What the comparison page shows for one filter and selection: columns, rows, framing matrix, shared-copy count.</summary>
public sealed record CompareView(List<CompareColumn> Columns, List<CompareRow> Rows, List<FramingMatrixRow> Matrix, int SharedInFilter)
{
    /// <summary>Reads the view; the filtered article ids are read once and serve every row, the matrix and the count.</summary>
    public static async Task<CompareView> ReadAsync(DashboardDb db, DashboardFilter filter, CompareSelection selection,
        SharedCopies shared, int perCell, CancellationToken ct)
    {
        var columns = await db.CompareColumnsAsync(filter, ct);
        var ids = await FilteredIds.ReadAsync(db, filter, ct);
        var rows = new List<CompareRow>();
        foreach (var topic in await db.CompareTopicsAsync(filter, selection, ct))
        {
            // Without the shared-copy map the wire row would look empty ("said nothing"); the page says the map is not ready instead.
            if (topic.Kind == CompareTopicKind.Wire && !shared.IsReady) continue;
            rows.Add(await db.CompareRowAsync(topic, ids, shared, perCell, ct));
        }
        var matrix = await db.FramingMatrixAsync(filter, ids, shared, ct);
        return new CompareView(columns, rows, matrix, shared.SharedIn(ids));
    }
}

/// <summary>
/// The comparison views already computed, per filter and selection, until <see cref="Schema.ContentVersion"/> moves (at most
/// <see cref="MaxEntries"/> of them: each holds at most 5 sentences per cell). A view computed without the shared-copy
/// map is kept apart from one with it. Register as a singleton.
/// </summary>
public sealed class CompareViewCache
{
    public const int MaxEntries = 16;

    readonly ContentVersionCache<CompareView> views = new(MaxEntries);

    public Task<CompareView> GetAsync(DashboardDb db, DashboardFilter filter, CompareSelection selection, SharedCopies shared, int perCell, CancellationToken ct)
    {
        var key = $"{filter.ToQueryString()}\n{selection.Topic}\n{selection.Term}\n{perCell}\n{shared.IsReady}";
        return views.GetAsync(db, key, () => CompareView.ReadAsync(db, filter, selection, shared, perCell, ct), ct);
    }
}
