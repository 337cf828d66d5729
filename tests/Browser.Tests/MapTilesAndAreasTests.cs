using AleppoDashboard.TestSupport;
using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

/// <summary>The map with a local MBTiles file made here (Map:Tiles), and what it draws over the seeds.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MapTilesAndAreasTests(BrowserFixture fixture) : IAsyncLifetime
{
    readonly TempFolder folder = new();
    DashboardAppFactory? tiled;

    public Task InitializeAsync()
    {
        TestMbTiles.Create(folder.File("aleppo.mbtiles"), 10, 15);
        // The tile server is unreachable: only the local file can draw tiles.
        tiled = new BrowserApp { TileUrl = "http://127.0.0.1:9/{z}/{x}/{y}.png", Tiles = folder.File("aleppo.mbtiles") };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (tiled is not null) await tiled.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task TilesFromTheLocalFileAreServedAndDrawn()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var watched = new WatchedPage(await context.NewPageAsync(), tiled!.ServerAddress);
        var tileResponses = new List<int>();
        watched.Page.Response += (_, r) => { if (r.Url.Contains("/tiles/", StringComparison.Ordinal)) tileResponses.Add(r.Status); };
        await watched.GotoAsync("/map");
        var page = watched.Page;
        await page.Locator("[data-map][data-ready=true]").WaitForAsync();

        var drawn = page.Locator(".leaflet-tile-pane img.leaflet-tile-loaded");
        await Assertions.Expect(drawn.First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var sources = await drawn.EvaluateAllAsync<string[]>("tiles => tiles.filter(t => t.naturalWidth > 0).map(t => new URL(t.src).pathname)");
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.Matches(@"^/tiles/\d+/\d+/\d+\.png$", s));
        Assert.Contains(200, tileResponses);
        Assert.Null(await page.Locator("#place-map").GetAttributeAsync("data-offline"));
        await Assertions.Expect(page.Locator(".map-notice")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".leaflet-control-attribution")).ToContainTextAsync("Test tiles");
        Assert.Empty(watched.OffsiteRequests);
        Assert.Empty(watched.PageErrors);
    }

    [Fact]
    public async Task EastAleppoIsAShadedAreaWithItsPopupAndClustersAndLabelsStayApart()
    {
        var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        await watched.GotoAsync("/map");
        await page.Locator("[data-map][data-ready=true]").WaitForAsync();

        var area = page.Locator("path.city-area[data-place-id=east-aleppo]");
        await Assertions.Expect(area).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".map-marker[data-place-id=east-aleppo]")).ToHaveCountAsync(0);
        await area.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var popup = page.Locator(".leaflet-popup-content .map-popup");
        await Assertions.Expect(popup.GetByRole(AriaRole.Heading, new() { Name = "east Aleppo" })).ToBeVisibleAsync();
        await Assertions.Expect(popup.GetByRole(AriaRole.Link, new() { Name = "Articles naming east Aleppo" })).ToBeVisibleAsync();

        // A cluster is a square, a place marker a circle.
        var clusterRadius = await page.Locator(".map-cluster").First.EvaluateAsync<string>("e => getComputedStyle(e).borderRadius");
        var markerRadius = await page.Locator(".map-marker").First.EvaluateAsync<string>("e => getComputedStyle(e).borderRadius");
        Assert.Equal("4px", clusterRadius);
        Assert.Equal("50%", markerRadius);

        // No two labels on show overlap.
        var boxes = await page.Locator(".leaflet-tooltip.map-label:not(.is-crowded)").EvaluateAllAsync<double[][]>(
            "labels => labels.map(l => { const b = l.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })");
        Assert.True(boxes.Length >= 2, $"{boxes.Length} labels shown");
        for (var i = 0; i < boxes.Length; i++)
        {
            for (var j = i + 1; j < boxes.Length; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                Assert.False(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3], $"labels {i} and {j} overlap");
            }
        }
        watched.AssertClean();
    }

    [Fact]
    public async Task OnAPhoneAPopupFitsTheScreen()
    {
        var watched = await fixture.NewPageAsync(390, 844);
        var page = watched.Page;
        await watched.GotoAsync("/map?place=sukkari");
        var popup = page.Locator(".leaflet-popup");
        await Assertions.Expect(popup.Locator(".map-popup h2")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var box = (await popup.BoundingBoxAsync())!;
        var mapWidth = (await page.Locator("#place-map").BoundingBoxAsync())!.Width;
        Assert.True(box.Width <= mapWidth - 24, $"a popup {box.Width} px wide in a map {mapWidth} px wide");
        // Once the map has panned to it (Leaflet's autoPan), all of it is on screen.
        await page.WaitForFunctionAsync("() => { const b = document.querySelector('.leaflet-popup').getBoundingClientRect(); return b.left >= 0 && b.right <= innerWidth && b.top >= 0; }");
        watched.AssertClean();
    }
}
