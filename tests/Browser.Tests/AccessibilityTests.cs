using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

/// <summary>
/// axe-core (from the Web project's npm packages) on every page of the seeds app, filtered and unfiltered, plus an article,
/// the 400 page and the 404 page: no serious or critical violation. And the keyboard reaches every control.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserFixture fixture)
{
    public static TheoryData<string, int> Pages() => new()
    {
        { "/", 200 },
        { "/?from=2016-12-01&to=2016-12-31&outlet=tasnim-news-agency&outlet=reuters-syndicated", 200 },
        { "/articles", 200 },
        { "/articles?q=Sukkari&place=sukkari&page=1", 200 },
        { "/articles/1", 200 },
        { "/articles/2?q=army", 200 },
        { "/map", 200 },
        { "/map?color=outlet&sort=name&dir=desc&outlet=tasnim-news-agency", 200 },
        { "/control", 200 },
        { "/control?scope=city&from=2016-10-01", 200 },
        { "/compare", 200 },
        { "/compare?place=sukkari", 200 },
        { "/compare?q=rebels&outlet=business-recorder&outlet=tasnim-news-agency", 200 },
        { "/compare?q=%22according%20to%20plan%22&origins=1", 200 },
        { "/control?origins=1", 200 },
        { "/articles?from=not-a-date", 400 },
        { "/map?color=purple", 400 },
        { "/control?scope=nowhere", 400 },
        { "/articles?page=0", 400 },
        { "/compare?topic=nonsense", 400 },
        { "/no-such-page", 404 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPageHasNoSeriousAxeViolations(string path, int status)
    {
        var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        var response = await watched.GotoAsync(path);
        Assert.Equal(status, response!.Status);
        if (await page.Locator("[data-map]").CountAsync() > 0) await page.Locator("[data-map][data-ready=true]").First.WaitForAsync();
        if (await page.Locator("canvas[data-control-chart]").CountAsync() > 0)
        {
            await Assertions.Expect(page.Locator("canvas[data-control-chart]").First).ToHaveAttributeAsync("data-state", "ready");
        }
        var violations = await AxeAudit.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>
    /// Tabs through the whole page from the top and checks that every visible link, button, field and focusable widget
    /// (filter bar, page controls, map container and markers, chart canvas) receives focus.
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/articles?q=Aleppo")]
    [InlineData("/articles/1")]
    [InlineData("/map")]
    [InlineData("/control")]
    [InlineData("/compare?place=sukkari")]
    public async Task TabReachesEveryControl(string path)
    {
        var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        await watched.GotoAsync(path);
        if (await page.Locator("[data-map]").CountAsync() > 0) await page.Locator("[data-map][data-ready=true]").First.WaitForAsync();
        if (await page.Locator("canvas[data-control-chart]").CountAsync() > 0)
        {
            await Assertions.Expect(page.Locator("canvas[data-control-chart]").First).ToHaveAttributeAsync("data-state", "ready");
        }
        var expected = await page.EvaluateAsync<int>(
            """
            () => {
              const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])')]
                .filter(e => !e.disabled && (e.getClientRects().length > 0 || e.classList.contains('visually-hidden-focusable')))
                .filter(e => !e.closest('.leaflet-control-attribution'))
                // Taken out of the tab order on purpose: MudBlazor's icon buttons beside an input (the input itself opens
                // its list or calendar by keyboard). Every other control must be reached.
                .filter(e => !(e.getAttribute('tabindex') === '-1' && e.classList.contains('mud-input-adornment-icon-button')));
              all.forEach((e, i) => e.dataset.tabProbe = i);
              return all.length;
            }
            """);
        Assert.True(expected > 3, $"only {expected} controls found on {path}");
        var reached = new HashSet<string>();
        for (var i = 0; i < expected * 2 + 10 && reached.Count < expected; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var probe = await page.EvaluateAsync<string?>("() => document.activeElement?.dataset.tabProbe ?? null");
            if (probe is not null) reached.Add(probe);
        }
        var missed = await page.EvaluateAsync<string[]>(
            "reached => [...document.querySelectorAll('[data-tab-probe]')].filter(e => !reached.includes(e.dataset.tabProbe)).map(e => e.outerHTML.slice(0, 120))",
            reached.ToArray());
        Assert.True(missed.Length == 0, "Tab never reached: " + string.Join(Environment.NewLine, missed));
        watched.AssertClean();
    }

    [Fact]
    public async Task KeyboardOpensAMapMarkerPopupAndAChartPointAndEachHasATableBesideIt()
    {
        var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        await watched.GotoAsync("/map");
        await page.Locator("[data-map][data-ready=true]").First.WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table).Filter(new() { Has = page.Locator("caption") }).First).ToBeVisibleAsync();
        Assert.True(await page.Locator("table.map-table tbody tr").CountAsync() > 0);
        // Tab from the map container to the first marker or cluster, as a keyboard user would.
        await page.Locator("[data-map]").First.FocusAsync();
        ILocator? focused = null;
        for (var i = 0; i < 20 && focused is null; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('map-marker')")) focused = page.Locator(".map-marker:focus");
        }
        Assert.NotNull(focused);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".leaflet-popup-content .map-popup")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".leaflet-popup-content .map-popup blockquote").First).ToBeVisibleAsync();

        await watched.GotoAsync("/control");
        var chart = page.Locator("canvas[data-control-chart]");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-state", "ready");
        Assert.True(await page.Locator("table.control-table tbody tr").CountAsync() > 0);
        await chart.FocusAsync();
        await Assertions.Expect(page.Locator("[data-control-chart-focus]")).ToContainTextAsync("Point 1 of");
        // Enter selects the point (claim= in the address, the point ringed); Enter again opens its sentence.
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"claim=\d+$"));
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-highlighted-claim", new System.Text.RegularExpressions.Regex(@"^\d+$"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".sentence:target")).ToHaveCountAsync(1);
        watched.AssertClean();
    }
}
