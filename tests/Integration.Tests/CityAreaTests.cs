using System.Net;
using System.Text.Json;
using AleppoDashboard.TestSupport;
using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Integration.Tests;

/// <summary>East and west Aleppo as areas: served as GeoJSON, and drawn around the gazetteer's own points of each side.</summary>
public class CityAreaTests(MapAppFixture fixture) : IClassFixture<MapAppFixture>
{
    [Fact]
    public async Task TheAreasAreServedAsGeoJsonPolygonsForTheTwoCityHalves()
    {
        var response = await fixture.Client.GetAsync("/api/map/areas.geojson");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["east-aleppo", "west-aleppo"], features.Select(f => f.GetProperty("properties").GetProperty("place_id").GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.All(features, f => Assert.Equal("Polygon", f.GetProperty("geometry").GetProperty("type").GetString()));
        Assert.Contains("Not a surveyed front line", json.RootElement.GetProperty("note").GetString());
    }

    [Fact]
    public void EveryEastPointIsInTheEastAreaAndEveryWestOrCentrePointInTheWestArea()
    {
        var reference = Path.Combine(RepoPaths.Root, "src", "Data", "Reference");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(reference, "city-halves.geojson")));
        var rings = json.RootElement.GetProperty("features").EnumerateArray().ToDictionary(
            f => f.GetProperty("properties").GetProperty("place_id").GetString()!,
            f => f.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList());
        var wrong = new List<string>();
        foreach (var place in new ReferenceFiles(reference).ReadGazetteer())
        {
            var expected = place.Sector == "east" ? "east-aleppo" : place.Sector is "west" or "centre" ? "west-aleppo" : null;
            if (expected is not null && !Inside(place.Lon, place.Lat, rings[expected])) wrong.Add($"{place.Id} ({place.Sector})");
            if (Inside(place.Lon, place.Lat, rings["east-aleppo"]) && Inside(place.Lon, place.Lat, rings["west-aleppo"])) wrong.Add($"{place.Id} in both");
        }
        Assert.Empty(wrong);
    }

    /// <summary>Even-odd ray casting.</summary>
    static bool Inside(double x, double y, List<(double X, double Y)> ring)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            if ((ring[i].Y > y) != (ring[j].Y > y) && x < (ring[j].X - ring[i].X) * (y - ring[i].Y) / (ring[j].Y - ring[i].Y) + ring[i].X)
            {
                inside = !inside;
            }
        }
        return inside;
    }
}
