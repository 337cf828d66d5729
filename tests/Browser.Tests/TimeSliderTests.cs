using System.Text.RegularExpressions;
using AleppoDashboard.TestSupport;
using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

/// <summary>
/// The time slider on the map, on the three map test articles: Salaheddine (3 Oct 2016), Sukkari and Bustan al-Qasr
/// (9 Dec), Sukkari again (12 Dec). Weeks run Monday to Sunday: 3 Oct is week 1 of 11, 5–11 Dec week 10, 12–18 Dec week 11.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TimeSliderTests(BrowserFixture fixture) : IAsyncLifetime
{
    readonly DashboardAppFactory app = new(Path.Combine(RepoPaths.Tests, "Fixtures", "map-articles"));

    public async Task InitializeAsync() => await app.MentionPlaceNamesAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task MovingTheSliderChangesTheMarkersAndTheAddressAndBackAndForwardRestoreThem()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var watched = new WatchedPage(await context.NewPageAsync(), app.ServerAddress);
        var page = watched.Page;
        await watched.GotoAsync("/map");
        await ExpectMarkersAsync(page, 3);

        // To the last week by keyboard: the page follows once the slider rests.
        await (await SliderAsync(page)).FocusAsync();
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/map\?from=2016-12-12&to=2016-12-18$"), new() { Timeout = 15_000 });
        await ExpectMarkersAsync(page, 1);
        await Assertions.Expect(Period(page)).ToHaveTextAsync("Week of 12–18 Dec 2016");

        // One week back: Sukkari and Bustan al-Qasr.
        await (await SliderAsync(page)).FocusAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/map\?from=2016-12-05&to=2016-12-11$"), new() { Timeout = 15_000 });
        await ExpectMarkersAsync(page, 2);
        await Assertions.Expect(page.Locator("table.map-table tbody tr")).ToHaveCountAsync(2);

        // Back and Forward restore the filter: the address, the chips, the slider and the markers.
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/map\?from=2016-12-12&to=2016-12-18$"));
        await ExpectMarkersAsync(page, 1);
        await Assertions.Expect(Period(page)).ToHaveTextAsync("Week of 12–18 Dec 2016");
        await Assertions.Expect(page.Locator("a.filter-chip").First).ToContainTextAsync("From 12 Dec 2016");
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/map$"));
        await ExpectMarkersAsync(page, 3);
        await page.GoForwardAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/map\?from=2016-12-12&to=2016-12-18$"));
        await ExpectMarkersAsync(page, 1);
        watched.AssertClean();
    }

    [Fact]
    public async Task ArrowKeysStepTheSliderInPlaceAndItKeepsTheKeyboardFocus()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var watched = new WatchedPage(await context.NewPageAsync(), app.ServerAddress);
        var page = watched.Page;
        await watched.GotoAsync("/map");
        await ExpectMarkersAsync(page, 3);
        // A mark on the document: a full load would drop it, a change in place keeps it.
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await (await SliderAsync(page)).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/map\?from=2016-10-03&to=2016-10-09$"), new() { Timeout = 15_000 });
        await Assertions.Expect(Period(page)).ToHaveTextAsync("Week of 3–9 Oct 2016");
        await ExpectMarkersAsync(page, 1);
        await Assertions.Expect(page.Locator("table.map-table tbody tr")).ToHaveCountAsync(1);
        Assert.True(await SliderHasFocusAsync(page));

        // The second key goes to the same slider, without clicking or tabbing back to it.
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/map\?from=2016-10-10&to=2016-10-16$"), new() { Timeout = 15_000 });
        await Assertions.Expect(Period(page)).ToHaveTextAsync("Week of 10–16 Oct 2016");
        await Assertions.Expect(page.Locator("a.filter-chip").First).ToContainTextAsync("From 10 Oct 2016");
        Assert.True(await SliderHasFocusAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));

        // Back goes to the first step, in place too.
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/map\?from=2016-10-03&to=2016-10-09$"));
        await Assertions.Expect(Period(page)).ToHaveTextAsync("Week of 3–9 Oct 2016");
        await ExpectMarkersAsync(page, 1);
        watched.AssertClean();
    }

    static Task<bool> SliderHasFocusAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.activeElement?.matches('[data-time-slider] input[type=range]') === true");

    [Fact]
    public async Task WithoutJavaScriptThePreviousAndNextLinksStepThroughTheWeeks()
    {
        var context = await fixture.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.ServerAddress, "/control?from=2016-12-05&to=2016-12-11").ToString());
        await Assertions.Expect(page.Locator("[data-time-slider] input[type=range]")).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next week" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/control\?from=2016-12-12&to=2016-12-18$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "day", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/control\?from=2016-12-12&to=2016-12-12$"));
        await Assertions.Expect(Period(page)).ToHaveTextAsync("12 Dec 2016");
        await context.CloseAsync();
    }

    static ILocator Period(IPage page) => page.Locator("[data-time-slider-period]");

    /// <summary>The slider once its circuit is up (before that it is shown disabled).</summary>
    static async Task<ILocator> SliderAsync(IPage page)
    {
        var slider = page.Locator("[data-time-slider][data-interactive=true] input[type=range]");
        await Assertions.Expect(slider).ToBeEnabledAsync(new() { Timeout = 15_000 });
        return slider;
    }

    static async Task ExpectMarkersAsync(IPage page, int count)
    {
        await page.Locator("[data-map][data-ready=true]").WaitForAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-map]")).ToHaveAttributeAsync("data-markers", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
