using AleppoDashboard.TestSupport;
using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

/// <summary>
/// The map with a tile server that cannot be reached (a closed loopback port, as the default OpenStreetMap URL is on a
/// machine without network): it switches to the offline drawing by itself and says so.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MapOfflineTests(BrowserFixture fixture) : IAsyncLifetime
{
    readonly DashboardAppFactory app = new() { TileUrl = "http://127.0.0.1:9/{z}/{x}/{y}.png" };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task UnreachableTilesGiveTheOfflineDrawingAndItsNotice()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var watched = new WatchedPage(await context.NewPageAsync(), app.ServerAddress);
        var page = watched.Page;
        await watched.GotoAsync("/map");
        var map = page.Locator("#place-map");

        await Assertions.Expect(map).ToHaveAttributeAsync("data-offline", "true", new() { Timeout = 15_000 });
        var notice = page.Locator(".map-notice");
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToContainTextAsync("Map tiles could not be loaded");
        // The offline drawing: no tile layer left, the sector names drawn, the markers still there.
        await Assertions.Expect(page.Locator(".leaflet-tile-pane .leaflet-tile")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".sector-label span").First).ToBeVisibleAsync();
        Assert.True(await page.Locator(".leaflet-marker-icon.map-marker, .map-cluster").CountAsync() > 0);
        await Assertions.Expect(page.Locator(".leaflet-control-attribution")).Not.ToContainTextAsync("OpenStreetMap");
        Assert.Empty(watched.PageErrors);
        Assert.Empty(watched.OffsiteRequests);
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task TheSectorsNamesGiveWayToTheNamesAndMarkersOnTheMap(int width, int height)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var watched = new WatchedPage(await context.NewPageAsync(), app.ServerAddress);
        var page = watched.Page;
        await watched.GotoAsync("/map");
        await Assertions.Expect(page.Locator("#place-map")).ToHaveAttributeAsync("data-offline", "true", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".sector-label span").First).ToBeAttachedAsync();
        // The labels are tidied once the markers (and their clusters' animation) or the sectors' names are drawn, and
        // after each move: asked again until they are, for at most 10 s.
        const string CoveredNames =
            """
            () => {
              const shown = e => getComputedStyle(e).visibility !== 'hidden' && e.getBoundingClientRect().width > 0;
              const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
              const others = [...document.querySelectorAll('#place-map .leaflet-tooltip.map-label, #place-map .leaflet-marker-pane .leaflet-marker-icon')]
                .filter(shown).map(e => [e.textContent.trim() || e.className, e.getBoundingClientRect()]);
              return [...document.querySelectorAll('#place-map .sector-label span')].filter(shown)
                .flatMap(s => others.filter(([, box]) => meets(s.getBoundingClientRect(), box)).map(([name]) => `${s.textContent} under ${name}`));
            }
            """;
        var covered = await page.EvaluateAsync<string[]>(CoveredNames);
        for (var i = 0; i < 40 && covered.Length > 0; i++)
        {
            await page.WaitForTimeoutAsync(250);
            covered = await page.EvaluateAsync<string[]>(CoveredNames);
        }
        Assert.True(covered.Length == 0, $"at {width} px: " + string.Join("; ", covered));
        // Not by hiding them all: the offline drawing keeps the names that have room.
        Assert.True(await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('#place-map .sector-label span')].filter(s => getComputedStyle(s).visibility !== 'hidden').length") > 0);
    }

    [Fact]
    public async Task MarkersAreBigEnoughToTapAndPopupsWriteDatesAsThePagesDo()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var watched = new WatchedPage(await context.NewPageAsync(), app.ServerAddress);
        var page = watched.Page;
        await watched.GotoAsync("/map?place=sukkari");
        await page.Locator("[data-map][data-ready=true]").WaitForAsync();

        foreach (var box in await page.Locator(".leaflet-marker-icon.map-marker").EvaluateAllAsync<double[][]>(
            "icons => icons.map(i => [i.getBoundingClientRect().width, i.getBoundingClientRect().height])"))
        {
            Assert.True(box[0] >= 24 && box[1] >= 24, $"a marker of {box[0]}×{box[1]} px");
        }
        // The focused place's popup is open; its excerpt dates read "9 Dec 2016", not 2016-12-09.
        var popup = page.Locator(".leaflet-popup-content .map-popup");
        await Assertions.Expect(popup.GetByRole(AriaRole.Heading, new() { Name = "Sukkari" })).ToBeVisibleAsync();
        var footers = await popup.Locator("blockquote footer").AllTextContentsAsync();
        Assert.NotEmpty(footers);
        Assert.All(footers, f => Assert.Matches(@", (\d{1,2} [A-Z][a-z]{2} \d{4}|undated) ·", f));
        Assert.Empty(watched.PageErrors);
    }
}
