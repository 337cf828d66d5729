using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Map;

/// <summary>A sector's outline: the convex hull of its gazetteer points (an approximation, not a boundary).</summary>
public sealed record SectorOutline(string Sector, int Places, IReadOnlyList<LonLat> Hull);

public static class SectorQueries
{
    /// <summary>One outline per sector with at least three places that span an area, from every gazetteer row except whole city halves.</summary>
    public static async Task<List<SectorOutline>> SectorOutlinesAsync(this DashboardDb db, CancellationToken ct)
    {
        var places = await db.Places.AsNoTracking()
            .Where(p => p.Kind != "city-part")
            .Select(p => new { p.Sector, p.Lon, p.Lat })
            .ToListAsync(ct);
        return places
            .GroupBy(p => p.Sector)
            .Select(g => new SectorOutline(g.Key, g.Count(), ConvexHull.Of(g.Select(p => new LonLat(p.Lon, p.Lat)))))
            .Where(s => s.Hull.Count >= 3)
            .OrderBy(s => s.Sector, StringComparer.Ordinal)
            .ToList();
    }
}
