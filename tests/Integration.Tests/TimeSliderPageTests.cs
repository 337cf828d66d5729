using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// The time slider's position is the filter's from and to: the page, its GeoJSON and its CSV read the same week.
/// The map fixture's articles are dated 3 Oct (Salaheddine), 9 Dec (Sukkari, Bustan al-Qasr) and 12 Dec 2016 (Sukkari).
/// </summary>
public class TimeSliderPageTests(MapAppFixture fixture) : IClassFixture<MapAppFixture>
{
    [Theory]
    [InlineData("/map")]
    [InlineData("/control")]
    public async Task ThePageIsRenderedWithTheSliderAtTheWeekOfItsDates(string path)
    {
        var html = await fixture.Client.GetStringAsync(path + "?from=2016-12-05&to=2016-12-11");
        var slider = new HtmlParser().ParseDocument(html).QuerySelector("[data-time-slider]")!;
        Assert.Equal("Week of 5–11 Dec 2016", slider.QuerySelector("[data-time-slider-period]")!.TextContent);
        // 3 Oct to 12 Dec: eleven Monday-to-Sunday weeks; 5–11 Dec is the tenth.
        Assert.Equal("11", slider.GetAttribute("data-count"));
        Assert.Equal("10", slider.GetAttribute("data-position"));
        Assert.Equal(path + "?from=2016-12-12&to=2016-12-18", slider.QuerySelector("a.time-slider-next")!.GetAttribute("href"));
        Assert.Equal(path + "?from=2016-11-28&to=2016-12-04", slider.QuerySelector("a.time-slider-prev")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheMapsDataForAWeekHoldsOnlyThePlacesNamedThatWeek()
    {
        Assert.Equal(["bustan-al-qasr", "sukkari"], await PlacesAsync("?from=2016-12-05&to=2016-12-11"));
        Assert.Equal(["sukkari"], await PlacesAsync("?from=2016-12-12&to=2016-12-18"));
        Assert.Equal(["salaheddine"], await PlacesAsync("?from=2016-10-03&to=2016-10-09"));
        var csv = await fixture.Client.GetStringAsync("/export/map.csv?from=2016-12-12&to=2016-12-18");
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task AnImpossibleDateIsA400WithItsReason()
    {
        var response = await fixture.Client.GetAsync("/map?from=2016-12-32&to=2016-12-38");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be a real date", await response.Content.ReadAsStringAsync());
    }

    async Task<string[]> PlacesAsync(string query)
    {
        using var json = JsonDocument.Parse(await fixture.Client.GetStringAsync("/api/map.geojson" + query));
        return json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToArray();
    }
}
