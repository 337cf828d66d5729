using System.Text.RegularExpressions;
using AleppoDashboard.TestSupport;
using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

/// <summary>
/// The map page in Chromium with no tile URL (no network), on the three map test articles
/// (tests/Fixtures/map-articles) with predictable place mentions: Sukkari (5), Bustan al-Qasr (1), Salaheddine (1).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MapPageTests(BrowserFixture fixture) : IAsyncLifetime
{
    readonly DashboardAppFactory app = new(Path.Combine(RepoPaths.Tests, "Fixtures", "map-articles"));

    public async Task InitializeAsync() => await app.MentionPlaceNamesAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task MapDrawsAMarkerPerTableRowAndAPopupLeadsToTheSentence()
    {
        var watched = await OpenAsync("/map");
        var page = watched.Page;

        var rows = page.Locator("table.map-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        Assert.Equal(3, await DrawnPlacesAsync(page));
        Assert.Equal("3", await page.Locator("[data-map]").GetAttributeAsync("data-markers"));
        await Assertions.Expect(page.Locator(".leaflet-control-scale")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("path.sector-hull")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator(".leaflet-tile")).ToHaveCountAsync(0);

        var popup = await OpenPopupWithKeyboardAsync(page, "sukkari");
        await Assertions.Expect(popup.GetByRole(AriaRole.Heading, new() { Name = "Sukkari" })).ToBeVisibleAsync();
        await Assertions.Expect(popup.GetByText("AFP: 3")).ToBeVisibleAsync();
        await Assertions.Expect(popup.GetByText("Tasnim News Agency: 2")).ToBeVisibleAsync();
        await Assertions.Expect(popup.Locator("blockquote")).ToHaveCountAsync(3);
        await Assertions.Expect(popup.Locator("blockquote mark").First).ToHaveTextAsync("Sukkari");
        await Assertions.Expect(popup.GetByRole(AriaRole.Link, new() { Name = "Compare what each outlet wrote about Sukkari" }))
            .ToHaveAttributeAsync("href", "/compare?place=sukkari");
        await Assertions.Expect(popup.GetByRole(AriaRole.Link, new() { Name = "Articles naming Sukkari" }))
            .ToHaveAttributeAsync("href", "/articles?place=sukkari");

        var quoted = await popup.Locator("blockquote p").First.TextContentAsync();
        await popup.GetByRole(AriaRole.Link, new() { Name = "read in the article" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/articles/\d+#s\d+$"));
        var anchor = new Uri(page.Url).Fragment.TrimStart('#');
        await Assertions.Expect(page.Locator($"[id='{anchor}']")).ToHaveTextAsync(quoted!);
        watched.AssertClean();
    }

    [Fact]
    public async Task MarkupInASentenceShowsAsTextInThePopup()
    {
        var watched = await OpenAsync("/map");
        var popup = await OpenPopupWithKeyboardAsync(watched.Page, "salaheddine");
        var quote = popup.Locator("blockquote p");
        await Assertions.Expect(quote).ToHaveTextAsync("A resident of Salaheddine wrote <script>alert(1)</script> and <img src=x onerror=alert(2)> on a wall.");
        await Assertions.Expect(popup.Locator("img, script")).ToHaveCountAsync(0);
        await Assertions.Expect(quote.Locator("mark")).ToHaveTextAsync("Salaheddine");
        watched.AssertClean();
    }

    [Fact]
    public async Task ColourToggleColoursMarkersByTheOutletThatMentionsThemMost()
    {
        var watched = await OpenAsync("/map");
        var page = watched.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "the outlet that mentions it most" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/map\?color=outlet$"));
        await page.Locator("[data-map][data-ready=true]").WaitForAsync();
        var legend = page.Locator(".map-legend");
        await Assertions.Expect(legend).ToContainTextAsync("AFP");
        await Assertions.Expect(legend).ToContainTextAsync("the outlet that mentions the place most");
        await ShowAllMarkersAsync(page);
        // AFP mentions the most in all (legend colour 0) and mentions Sukkari most.
        await Assertions.Expect(page.Locator(".map-marker[data-place-id=sukkari]")).ToHaveClassAsync(new Regex(@"\boutlet-0\b"));
        watched.AssertClean();
    }

    [Fact]
    public async Task OverviewShowsASmallMapThatOpensTheMapWithTheSameFilter()
    {
        var watched = await OpenAsync("/?outlet=tasnim-news-agency", waitForMap: true);
        var page = watched.Page;
        var mini = page.Locator("[data-map][data-mini]");
        await Assertions.Expect(mini.Locator(".map-marker")).ToHaveCountAsync(2);
        await mini.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/map\?outlet=tasnim-news-agency$"));
        await Assertions.Expect(page.Locator("table.map-table tbody tr")).ToHaveCountAsync(2);
        watched.AssertClean();
    }

    async Task<WatchedPage> OpenAsync(string path, bool waitForMap = true)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var watched = new WatchedPage(await context.NewPageAsync(), app.ServerAddress);
        await watched.GotoAsync(path);
        if (waitForMap)
        {
            await watched.Page.Locator("[data-map][data-ready=true]").First.WaitForAsync();
        }
        return watched;
    }

    /// <summary>Places drawn: single markers plus the places counted inside cluster icons.</summary>
    static async Task<int> DrawnPlacesAsync(IPage page)
    {
        var singles = await page.Locator(".leaflet-marker-icon.map-marker").CountAsync();
        var clustered = 0;
        foreach (var count in await page.Locator(".map-cluster span").AllTextContentsAsync())
        {
            clustered += int.Parse(count);
        }
        return singles + clustered;
    }

    /// <summary>Opens clusters (by click) until every place has its own marker.</summary>
    static async Task ShowAllMarkersAsync(IPage page)
    {
        for (var i = 0; i < 6 && await page.Locator(".map-cluster").CountAsync() > 0; i++)
        {
            await page.Locator(".map-cluster").First.ClickAsync();
            await page.WaitForTimeoutAsync(600); // the cluster's zoom animation
        }
    }

    /// <summary>Tabs to a place's marker and presses Enter, as a keyboard user would; returns the popup.</summary>
    static async Task<ILocator> OpenPopupWithKeyboardAsync(IPage page, string placeId)
    {
        await ShowAllMarkersAsync(page);
        var marker = page.Locator($".map-marker[data-place-id={placeId}]");
        Assert.Equal("0", await marker.GetAttributeAsync("tabindex"));
        await marker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var popup = page.Locator(".leaflet-popup-content .map-popup");
        await Assertions.Expect(popup).ToBeVisibleAsync();
        return popup;
    }
}
