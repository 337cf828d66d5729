using AleppoDashboard.Data.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Compare;

/// <summary>
/// The ids of the articles a filter selects, read once per request and shared by every row, the framing matrix and the
/// wire-copy count. <see cref="All"/> stands for an empty filter (every article), which is never read into memory.
/// </summary>
public sealed class FilteredIds
{
    public static readonly FilteredIds All = new(null);

    readonly HashSet<int>? ids;

    FilteredIds(HashSet<int>? ids) => (this.ids, Json) = (ids, ids is null ? null : "[" + string.Join(',', ids) + "]");

    public static async Task<FilteredIds> ReadAsync(DashboardDb db, DashboardFilter filter, CancellationToken ct) =>
        filter.IsEmpty ? All : new([.. await db.FilteredArticles(filter).Select(a => a.Id).ToListAsync(ct)]);

    /// <summary>The given ids (the facets' selection of a non-empty filter).</summary>
    public static FilteredIds Of(IEnumerable<int> ids) => new([.. ids]);

    public bool IsAll => ids is null;

    public bool Contains(int articleId) => ids is null || ids.Contains(articleId);

    /// <summary>
    /// The ids as a JSON array, for <c>json_each</c> in SQL (null for <see cref="All"/>): written once, since every row of a
    /// comparison passes it (tens of thousands of ids for a common search over a large corpus).
    /// </summary>
    public string? Json { get; }
}
