using System.Collections.Concurrent;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Schema;

namespace AleppoDashboard.Data.Queries;

/// <summary>
/// The map's places per filter (<see cref="MapQueries.MapPlacesAsync"/>), kept until <see cref="ContentVersion"/> moves
/// (every ingest, re-extraction or reference sync raises it): /map, /api/map.geojson, /export/map.csv and the
/// overview's mini map ask for the same few filters again and again, and at 100,000 articles an unfiltered
/// computation takes seconds. At most <see cref="MaxFilters"/> filters are kept (a few hundred small records each).
/// Register as a singleton. The lists it returns are shared: read them, never change them.
/// </summary>
public sealed class MapPlacesCache
{
    public const int MaxFilters = 32;

    readonly ConcurrentDictionary<string, (long Stamp, List<MapPlace> Places)> entries = new();

    public async Task<List<MapPlace>> GetAsync(DashboardDb db, DashboardFilter filter, CancellationToken ct)
    {
        // The counter and the places are read in one snapshot, so a list is never stored under a newer number than its data.
        await using var snapshot = await ReadSnapshot.BeginUnlessInTransactionAsync(db, ct);
        var current = await ContentVersion.ReadAsync(db, ct);
        var key = filter.ToQueryString();
        if (entries.TryGetValue(key, out var entry) && entry.Stamp == current)
        {
            return entry.Places;
        }
        var places = await db.MapPlacesAsync(filter, ct);
        if (entries.Count >= MaxFilters)
        {
            entries.Clear();
        }
        entries[key] = (current, places);
        return places;
    }
}
