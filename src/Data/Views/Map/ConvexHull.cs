namespace AleppoDashboard.Data.Views.Map;

/// <summary>A longitude/latitude pair in WGS84 degrees (GeoJSON order).</summary>
public readonly record struct LonLat(double Lon, double Lat);

/// <summary>The convex hull of a set of points (Andrew's monotone chain), used to outline a sector from its gazetteer points.</summary>
public static class ConvexHull
{
    /// <summary>The hull's corners counter-clockwise, without repeating the first; fewer than three when the points do not span an area.</summary>
    public static List<LonLat> Of(IEnumerable<LonLat> points)
    {
        var sorted = points.Distinct().OrderBy(p => p.Lon).ThenBy(p => p.Lat).ToList();
        if (sorted.Count < 3)
        {
            return sorted;
        }
        var hull = new List<LonLat>(2 * sorted.Count);
        foreach (var pass in new[] { sorted, Enumerable.Reverse(sorted).ToList() })
        {
            var start = hull.Count;
            foreach (var p in pass)
            {
                while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], p) <= 0)
                {
                    hull.RemoveAt(hull.Count - 1);
                }
                hull.Add(p);
            }
            hull.RemoveAt(hull.Count - 1); // the last point of each pass starts the next
        }
        return hull;
    }

    static double Cross(LonLat o, LonLat a, LonLat b) => (a.Lon - o.Lon) * (b.Lat - o.Lat) - (a.Lat - o.Lat) * (b.Lon - o.Lon);
}
