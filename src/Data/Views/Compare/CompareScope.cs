using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Views.Facets;

namespace AleppoDashboard.Data.Views.Compare;

/// <summary>
/// The articles one comparison (page or CSV) covers, opened once inside its snapshot: from the in-memory facets of that
/// snapshot's content version when they can evaluate the filter (<see cref="ArticleFacets.CanSelect"/>), so that the
/// columns, the default places, the claims, place and search rows and the framing matrix are summed in memory
/// (<see cref="CompareFromFacets"/>, on either provider); otherwise (a language filter, facets switched off) everything is read
/// in SQL as before. The page and its CSV open it the same way, so they cannot disagree.
/// </summary>
public sealed class CompareScope
{
    FilteredIds? ids;

    CompareScope(DashboardFilter filter, ArticleFacetsCache? cache, ArticleFacets? facets, int[]? positions)
    {
        Filter = filter;
        Cache = cache;
        Facets = facets;
        Positions = positions;
        Selected = facets is null ? null : facets.Mask(positions!);
    }

    /// <summary>The filter, with its search's matches attached when it has a search.</summary>
    public DashboardFilter Filter { get; }

    public ArticleFacetsCache? Cache { get; }

    /// <summary>Null when the comparison is read in SQL.</summary>
    public ArticleFacets? Facets { get; }

    /// <summary>The selected articles' positions in <see cref="Facets"/>, ascending (with <see cref="Facets"/>).</summary>
    public int[]? Positions { get; }

    /// <summary>Whether each article position is selected (with <see cref="Facets"/>).</summary>
    public bool[]? Selected { get; }

    /// <summary>Opens the scope; call inside the snapshot every read of the comparison runs in.</summary>
    public static async Task<CompareScope> OpenAsync(DashboardDb db, DashboardFilter filter, SearchMatchCache searches, ArticleFacetsCache? cache, CancellationToken ct)
    {
        var resolved = await searches.WithMatchesAsync(db, filter, ct);
        if (cache is null || !ArticleFacets.CanSelect(resolved)) return new(resolved, null, null, null);
        var facets = await cache.GetAsync(db, ct);
        return new(resolved, cache, facets, facets.Select(resolved));
    }

    /// <summary>The selected article ids, for the rows still read in SQL (a framing term, the wire copy).</summary>
    public async Task<FilteredIds> IdsAsync(DashboardDb db, CancellationToken ct) =>
        ids ??= Facets is null || Filter.IsEmpty ? await FilteredIds.ReadAsync(db, Filter, ct) : FilteredIds.Of(Positions!.Select(p => Facets.Ids[p]));
}
