using System.Net;
using AleppoDashboard.TestSupport;
using AleppoDashboard.Web.Views.Map.Tiles;
using AngleSharp.Html.Parser;

namespace AleppoDashboard.Integration.Tests;

/// <summary>Map:Tiles: a local MBTiles file (made here) served at /tiles/{z}/{x}/{y}.png, and what a bad one does.</summary>
public sealed class MapTilesTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ReadsTilesByTheirXyzNumbersFlippingTheStoredTmsRow()
    {
        var path = folder.File("aleppo.mbtiles");
        var written = TestMbTiles.Create(path, 10, 11);
        var tiles = MbTiles.Open(path);
        var (z, x, y) = written[0];
        Assert.Equal(TestMbTiles.Tagged, await tiles.TileAsync(z, x, y, CancellationToken.None));
        // Read unflipped, the row would be a tile far north of Aleppo, which the file does not hold.
        Assert.Null(await tiles.TileAsync(z, x, (1 << z) - 1 - y, CancellationToken.None));
        Assert.Null(await tiles.TileAsync(z + 5, x, y, CancellationToken.None));
        Assert.Null(await tiles.TileAsync(z, 1 << z, y, CancellationToken.None));
        Assert.Equal("png", tiles.Format);
        Assert.Equal(11, tiles.MaxZoom);
    }

    [Fact]
    public void AMissingOrBrokenFileIsRefusedWithItsReason()
    {
        var missing = Assert.Throws<MbTilesException>(() => MbTiles.Open(folder.File("none.mbtiles")));
        Assert.Contains("does not exist", missing.Message);

        var text = folder.File("notes.mbtiles");
        File.WriteAllText(text, "not a database");
        Assert.Contains("cannot be read as an MBTiles", Assert.Throws<MbTilesException>(() => MbTiles.Open(text)).Message);
    }

    [Fact]
    public async Task TheAppServesTheFilesTilesAndTheMapUsesThem()
    {
        var path = folder.File("aleppo.mbtiles");
        var written = TestMbTiles.Create(path, 10, 12, attribution: "Tiles <b>by</b> the test");
        await using var app = new DashboardAppFactory { TileUrl = "http://127.0.0.1:9/{z}/{x}/{y}.png", Tiles = path };
        using var client = app.CreateRealClient();

        var (z, x, y) = written[0];
        var tile = await client.GetAsync($"/tiles/{z}/{x}/{y}.png");
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        Assert.Equal("image/png", tile.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestMbTiles.Tagged, await tile.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/tiles/{z}/0/0.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/tiles/{z}/{x}/{y}.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/tiles/99/{x}/{y}.png")).StatusCode);

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/map"));
        var map = page.QuerySelector("#place-map")!;
        Assert.Equal("/tiles/{z}/{x}/{y}.png", map.GetAttribute("data-tile-url"));
        Assert.Equal("12", map.GetAttribute("data-tile-max-zoom"));
        // The file's attribution is text: its markup is escaped for Leaflet, which writes attributions as HTML.
        Assert.Equal("Tiles &lt;b&gt;by&lt;/b&gt; the test", map.GetAttribute("data-tile-attribution"));
    }

    [Fact]
    public async Task ABadFileStopsTheStartWithItsReason()
    {
        await using var app = new DashboardAppFactory { Tiles = folder.File("missing.mbtiles") };
        var error = Assert.ThrowsAny<Exception>(() => app.CreateRealClient());
        var reason = error as MbTilesException ?? error.InnerException as MbTilesException;
        Assert.NotNull(reason);
        Assert.Contains("Map:Tiles names", reason.Message);
        Assert.Contains("missing.mbtiles", reason.Message);
    }
}
