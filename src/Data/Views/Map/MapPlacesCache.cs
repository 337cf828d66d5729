using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.Views.Facets;

namespace AleppoDashboard.Data.Views.Map;

/// <summary>
/// The map's places per filter (<see cref="MapQueries.MapPlacesAsync"/>), kept until the content version moves:
/// /map, /api/map.geojson, /export/map.csv and the overview's mini map ask for the same few filters again and again,
/// and over a large corpus an unfiltered computation is slow. At most <see cref="MaxFilters"/> filters are kept
/// (a few hundred small records each). Register as a singleton. The lists it returns are shared: read them, never change them.
/// A search's matches are taken again inside the computation's snapshot, so an entry never mixes two content versions.
/// </summary>
/// The counts are made from the <see cref="ArticleFacets"/> of the same snapshot (<see cref="MapQueries.MapPlacesAsync"/>).
public sealed class MapPlacesCache(SearchMatchCache searches, ArticleFacetsCache? facets = null)
{
    public const int MaxFilters = 32;

    readonly ContentVersionCache<List<MapPlace>> places = new(MaxFilters);

    public Task<List<MapPlace>> GetAsync(DashboardDb db, DashboardFilter filter, CancellationToken ct) =>
        places.GetAsync(db, filter.CacheKey, async () => await db.MapPlacesAsync(await searches.WithMatchesAsync(db, filter, ct), ct,
            facets is null ? null : () => facets.GetAsync(db, ct)), ct);

    /// <summary>Whether the places of <paramref name="filter"/> are kept for content version <paramref name="version"/>.</summary>
    public bool Holds(DashboardFilter filter, long version) => places.TryGet(filter.CacheKey, version, out _);
}
