using System.Text.RegularExpressions;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CsvHelper;

namespace AleppoDashboard.Integration.Tests;

public class MapApiTests(MapAppFixture fixture) : IClassFixture<MapAppFixture>
{
    const string Hostile = "A resident of Salaheddine wrote <script>alert(1)</script> and <img src=x onerror=alert(2)> on a wall.";

    [Fact]
    public async Task GeoJsonHasOnePointPerMentionedPlaceWithCountsPerOutlet()
    {
        var response = await fixture.Client.GetAsync("/api/map.geojson");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        var features = Features(root);
        Assert.Equal(["bustan-al-qasr", "salaheddine", "sukkari"], features.Keys.Order(StringComparer.Ordinal).ToArray());

        var sukkari = features["sukkari"];
        Assert.Equal("Point", sukkari.GetProperty("geometry").GetProperty("type").GetString());
        var coordinates = sukkari.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(37.1, coordinates[0].GetDouble(), 0.1); // longitude first
        Assert.Equal(36.2, coordinates[1].GetDouble(), 0.1);
        var p = sukkari.GetProperty("properties");
        Assert.Equal("Sukkari", p.GetProperty("name").GetString());
        Assert.Equal("east", p.GetProperty("sector").GetString());
        Assert.Equal(5, p.GetProperty("mentions").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["afp"] = 3, ["tasnim-news-agency"] = 2 }, Outlets(p));
        Assert.Equal("afp", p.GetProperty("top_outlet").GetString());
        Assert.Equal("2016-12-09", p.GetProperty("first_published").GetString());
        Assert.Equal("2016-12-12", p.GetProperty("last_published").GetString());
        Assert.Equal("/compare?place=sukkari", p.GetProperty("compare_url").GetString());
        Assert.Equal("/articles?place=sukkari", p.GetProperty("articles_url").GetString());
    }

    [Fact]
    public async Task ExcerptsMarkThePlaceNameTakeOutletsInTurnAndLinkToTheSentence()
    {
        var features = Features(await GeoJsonAsync(""));
        var excerpts = features["sukkari"].GetProperty("properties").GetProperty("excerpts").EnumerateArray().ToList();
        Assert.Equal(3, excerpts.Count);
        Assert.Equal(["afp", "tasnim-news-agency", "afp"], excerpts.Select(e => e.GetProperty("outlet").GetString()!).ToArray());
        foreach (var e in excerpts)
        {
            var text = e.GetProperty("text").GetString()!;
            Assert.Equal("Sukkari", text.Substring(e.GetProperty("start").GetInt32(), e.GetProperty("length").GetInt32()));
            Assert.Equal($"/articles/{e.GetProperty("article_id").GetInt32()}#s{e.GetProperty("sentence_index").GetInt32()}", e.GetProperty("url").GetString());
        }
        Assert.Equal(3, excerpts.Select(e => e.GetProperty("text").GetString()).Distinct().Count());

        // The link leads to the article page, whose sentence carries that anchor.
        var first = excerpts[0];
        var page = await fixture.Client.GetStringAsync($"/articles/{first.GetProperty("article_id").GetInt32()}");
        Assert.Contains($"id=\"s{first.GetProperty("sentence_index").GetInt32()}\"", page);
    }

    [Theory]
    [InlineData("?outlet=tasnim-news-agency", "sukkari=2,bustan-al-qasr=1")]
    [InlineData("?from=2016-12-10", "sukkari=3")]
    [InlineData("?to=2016-12-01", "salaheddine=1")]
    [InlineData("?place=bustan-al-qasr", "bustan-al-qasr=1")]
    [InlineData("?q=hospital", "sukkari=3")]
    [InlineData("?outlet=afp&q=control", "")]
    public async Task GeoJsonFollowsTheSharedFilter(string query, string expected)
    {
        var features = Features(await GeoJsonAsync(query));
        var actual = features.ToDictionary(f => f.Key, f => f.Value.GetProperty("properties").GetProperty("mentions").GetInt32());
        var wanted = expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('='))
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1]));
        Assert.Equal(wanted, actual);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?outlet=tasnim-news-agency")]
    [InlineData("?from=2016-12-10&sort=name&dir=asc")]
    public async Task TableAndCsvAgreeWithTheGeoJson(string query)
    {
        var features = Features(await GeoJsonAsync(query));

        var html = await fixture.Client.GetStringAsync("/map" + query);
        var document = new HtmlParser().ParseDocument(html);
        var headers = document.QuerySelectorAll("table.map-table thead th").Select(th => th.TextContent.Trim()).ToList();
        var rows = document.QuerySelectorAll("table.map-table tbody tr").ToList();
        Assert.Equal(features.Keys.Order(), rows.Select(r => r.GetAttribute("data-place-id")!).Order());

        var csv = await fixture.Client.GetStringAsync("/export/map.csv" + query);
        using var reader = CsvReader.Create(new StringReader(csv), new CsvReaderOptions(), leaveOpen: false);
        var csvIds = new List<string>();
        while (reader.Read())
        {
            Assert.True(reader.TryGetFieldIndex("place_id", out var id));
            Assert.True(reader.TryGetFieldIndex("mentions", out var mentions));
            var placeId = reader.GetString(id);
            Assert.True(reader.TryGetFieldIndex("lon", out var lon));
            Assert.Equal(features[placeId].GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), double.Parse(reader.GetString(lon), System.Globalization.CultureInfo.InvariantCulture));
            csvIds.Add(placeId);
            var properties = features[placeId].GetProperty("properties");
            Assert.Equal(properties.GetProperty("mentions").GetInt32().ToString(), reader.GetString(mentions));
            foreach (var (slug, count) in Outlets(properties))
            {
                Assert.True(reader.TryGetFieldIndex("mentions_" + slug, out var column));
                Assert.Equal(count.ToString(), reader.GetString(column));
            }

            var row = rows.Single(r => r.GetAttribute("data-place-id") == placeId);
            var cells = row.Children.Select(c => c.TextContent.Trim()).ToList();
            Assert.Equal(properties.GetProperty("name").GetString(), cells[0]);
            Assert.Equal(properties.GetProperty("mentions").GetInt32().ToString(), cells[headers.FindIndex(h => h.StartsWith("Mentions"))]);
            foreach (var (slug, count) in Outlets(properties))
            {
                var name = properties.GetProperty("outlet_names").GetProperty(slug).GetString()!;
                Assert.Equal(count.ToString(), cells[headers.FindIndex(h => h.StartsWith(name))]);
            }
        }
        // Same places, in the table's order.
        Assert.Equal(rows.Select(r => r.GetAttribute("data-place-id")!), csvIds);
    }

    [Fact]
    public async Task TableSortsByAnyColumnWithPlainLinks()
    {
        async Task<List<string>> Order(string query)
        {
            var document = new HtmlParser().ParseDocument(await fixture.Client.GetStringAsync("/map" + query));
            return document.QuerySelectorAll("table.map-table tbody tr").Select(r => r.GetAttribute("data-place-id")!).ToList();
        }
        Assert.Equal(["sukkari", "bustan-al-qasr", "salaheddine"], await Order(""));
        Assert.Equal(["bustan-al-qasr", "salaheddine", "sukkari"], await Order("?sort=name&dir=asc"));
        Assert.Equal(["sukkari", "salaheddine", "bustan-al-qasr"], await Order("?sort=name&dir=desc"));
        Assert.Equal(["salaheddine", "bustan-al-qasr", "sukkari"], await Order("?sort=last&dir=asc"));
        Assert.Equal(["salaheddine", "sukkari", "bustan-al-qasr"], await Order("?sort=outlet:middle-east-observer"));

        var page = new HtmlParser().ParseDocument(await fixture.Client.GetStringAsync("/map?outlet=afp&color=outlet"));
        var nameHeader = page.QuerySelectorAll("table.map-table thead th").First();
        Assert.Null(nameHeader.GetAttribute("aria-sort"));
        var link = nameHeader.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal("/map?outlet=afp&color=outlet&sort=name&dir=asc#places-heading", link);
        var mentionsHeader = page.QuerySelectorAll("table.map-table thead th").First(th => th.TextContent.Contains("Mentions"));
        Assert.Equal("descending", mentionsHeader.GetAttribute("aria-sort"));
    }

    [Theory]
    [InlineData("/map?color=pink", "'color' must be sector or outlet")]
    [InlineData("/map?sort=colour", "'sort' must be one of")]
    [InlineData("/map?sort=outlet:no-such-outlet", "'sort' must be one of")]
    [InlineData("/map?dir=up", "'dir' must be asc or desc")]
    [InlineData("/map?from=yesterday", "'from' must be a real date")]
    [InlineData("/export/map.csv?dir=sideways", "'dir' must be asc or desc")]
    [InlineData("/export/map.csv?outlet=Not%20A%20Slug", "'outlet' must be an id")]
    [InlineData("/api/map.geojson?to=2016-13-45", "'to' must be a real date")]
    [InlineData("/api/map.geojson?outlet=no-such-outlet", "no-such-outlet")]
    public async Task BadParametersGive400WithTheReason(string url, string reason)
    {
        var response = await fixture.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task MarkupInAnArticleSentenceShowsAsTextInTheTableAndStaysTextInTheGeoJson()
    {
        var html = await fixture.Client.GetStringAsync("/map");
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        var document = new HtmlParser().ParseDocument(html);
        var row = document.QuerySelector("tr[data-place-id=salaheddine]")!;
        Assert.Contains(Hostile, row.TextContent);
        Assert.Empty(row.QuerySelectorAll("script, img"));
        Assert.Equal("Salaheddine", row.QuerySelector("mark")!.TextContent);

        var features = Features(await GeoJsonAsync(""));
        var excerpt = features["salaheddine"].GetProperty("properties").GetProperty("excerpts")[0];
        Assert.Equal(Hostile, excerpt.GetProperty("text").GetString());

        // The CSV carries it as plain text too (a CSV cell, not markup).
        var csv = await fixture.Client.GetStringAsync("/export/map.csv?place=salaheddine");
        using var reader = CsvReader.Create(new StringReader(csv), new CsvReaderOptions(), leaveOpen: false);
        Assert.True(reader.Read());
        Assert.True(reader.TryGetFieldIndex("example_sentence", out var column));
        Assert.Equal(Hostile, reader.GetString(column));
    }

    [Fact]
    public async Task SectorOutlinesAreClosedPolygonsDrawnFromTheGazetteer()
    {
        using var json = JsonDocument.Parse(await fixture.Client.GetStringAsync("/api/map/sectors.geojson"));
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["centre", "east", "north", "old-city", "south", "west"],
            features.Select(f => f.GetProperty("properties").GetProperty("sector").GetString()!).ToArray());
        foreach (var feature in features)
        {
            Assert.Equal("Polygon", feature.GetProperty("geometry").GetProperty("type").GetString());
            var ring = feature.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().ToList();
            Assert.True(ring.Count >= 4);
            Assert.Equal(ring[0].ToString(), ring[^1].ToString());
        }
    }

    [Fact]
    public async Task MapPageCarriesTheFilterToItsDataAndItsExportAndTheOverviewLinksToIt()
    {
        var document = new HtmlParser().ParseDocument(await fixture.Client.GetStringAsync("/map?outlet=afp&color=outlet&sort=name"));
        var map = document.QuerySelector("[data-map]")!;
        Assert.Equal("/api/map.geojson?outlet=afp", map.GetAttribute("data-geojson"));
        Assert.Equal("outlet", map.GetAttribute("data-color"));
        Assert.Equal("", map.GetAttribute("data-tile-url"));
        Assert.Equal("/export/map.csv?outlet=afp&sort=name", document.QuerySelector("a[download]")!.GetAttribute("href"));
        Assert.Contains(document.QuerySelectorAll("script[src]"), s => Regex.IsMatch(s.GetAttribute("src")!, @"^js/map\.[a-z0-9]+\.js$") && s.GetAttribute("type") == "module");

        var overview = new HtmlParser().ParseDocument(await fixture.Client.GetStringAsync("/?outlet=afp"));
        var mini = overview.QuerySelector("[data-map][data-mini]")!;
        Assert.Equal("/api/map.geojson?outlet=afp", mini.GetAttribute("data-geojson"));
        Assert.Contains(overview.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/map?outlet=afp");
        Assert.Contains(overview.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/map?outlet=afp" && a.TextContent == "Map");
    }

    async Task<JsonElement> GeoJsonAsync(string query)
    {
        var text = await fixture.Client.GetStringAsync("/api/map.geojson" + query);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    static Dictionary<string, JsonElement> Features(JsonElement collection) =>
        collection.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("properties").GetProperty("place_id").GetString()!);

    static Dictionary<string, int> Outlets(JsonElement properties) =>
        properties.GetProperty("outlets").EnumerateObject().ToDictionary(o => o.Name, o => o.Value.GetInt32());
}
