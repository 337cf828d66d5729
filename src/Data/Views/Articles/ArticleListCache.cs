using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.Views.Compare;
using AleppoDashboard.Data.Views.Facets;
using AleppoDashboard.Data.Views.Map;

namespace AleppoDashboard.Data.Views.Articles;

/// <summary>
/// What /articles and the overview show of one filter, without the rows: every filtered article's id in the list's
/// order (newest first, as <see cref="ArticleQueries.ArticleRows"/>) and the per-outlet summaries. A page then reads
/// only its own rows by id. Shared between requests: read it, never change it.
/// </summary>
public sealed class ArticleList
{
    public required int[] NewestFirstIds { get; init; }
    public required List<OutletSummary> Outlets { get; init; }
    public int Total => NewestFirstIds.Length;
}

/// <summary>
/// <see cref="ArticleList"/> per filter, kept until the content version moves (like <see cref="MapPlacesCache"/>):
/// counting the filtered articles and their outlets on every request was a large part of each page's time (more with a
/// search or a place), and a page's ids came from a second pass over the same filter. An entry holds 4 bytes per
/// article; at most <see cref="MaxFilters"/> filters and <see cref="MaxHeldIds"/> ids in
/// all are kept. Register as a singleton.
/// </summary>
public sealed class ArticleListCache(SearchMatchCache searches, ArticleFacetsCache? facets = null)
{
    public const int MaxFilters = 32;
    public const int MaxHeldIds = 2_000_000;

    readonly ContentVersionCache<ArticleList> lists = new(MaxFilters, list => list.Total, MaxHeldIds);

    public Task<ArticleList> GetAsync(DashboardDb db, DashboardFilter filter, CancellationToken ct) =>
        lists.GetAsync(db, filter.CacheKey, async () => await ComputeAsync(db, await searches.WithMatchesAsync(db, filter, ct), ct), ct);

    /// <summary>Whether the list of <paramref name="filter"/> is kept for content version <paramref name="version"/>.</summary>
    public bool Holds(DashboardFilter filter, long version) => lists.TryGet(filter.CacheKey, version, out _);

    /// <summary>
    /// From the in-memory facets of the snapshot's version when they can evaluate the filter: a new search, outlet set or
    /// date range then costs a pass over arrays, not two SQL passes over the matched articles (a search with a common word
    /// matches most of them: the overview's slowest first requests, benchmarks/PERFORMANCE.md); else in SQL.
    /// </summary>
    async Task<ArticleList> ComputeAsync(DashboardDb db, DashboardFilter filter, CancellationToken ct)
    {
        if (facets is not null && ArticleFacets.CanSelect(filter))
        {
            var read = await facets.GetAsync(db, ct);
            var positions = read.Select(filter);
            return new()
            {
                NewestFirstIds = read.NewestFirstIds(positions),
                Outlets = await CompareFromFacets.OutletSummariesAsync(db, read, positions, ct),
            };
        }
        return new()
        {
            NewestFirstIds = await db.NewestFirstIdsAsync(filter, ct),
            Outlets = await db.OutletSummariesAsync(filter, ct),
        };
    }
}
