using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

/// <summary>The filter bar once interactive (MudBlazor over the circuit): every change is an address, so Back and Forward restore it.</summary>
[Collection(BrowserCollection.Name)]
public class InteractiveFilterBarTests(BrowserFixture fixture)
{
    static async Task<ILocator> InteractiveBarAsync(IPage page)
    {
        var bar = page.Locator("section.filter-panel[data-interactive=true]");
        await Assertions.Expect(bar).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return bar;
    }

    [Fact]
    public async Task RemovingAChipChangesTheAddressAndBackAndForwardRestoreTheFilter()
    {
        var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        await watched.GotoAsync("/articles?from=2016-12-01&outlet=tasnim-news-agency");
        var bar = await InteractiveBarAsync(page);
        await Assertions.Expect(bar.Locator("a.filter-chip", new() { HasText = "Tasnim News Agency" })).ToBeVisibleAsync();
        await Assertions.Expect(bar.Locator("a.filter-chip", new() { HasText = "From 1 Dec 2016" })).ToBeVisibleAsync();

        await bar.GetByRole(AriaRole.Link, new() { Name = "Remove the filter Tasnim News Agency" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles\\?from=2016-12-01$"));
        bar = await InteractiveBarAsync(page);
        await Assertions.Expect(bar.Locator("a.filter-chip", new() { HasText = "Tasnim News Agency" })).ToHaveCountAsync(0);

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles\\?from=2016-12-01&outlet=tasnim-news-agency$"));
        bar = await InteractiveBarAsync(page);
        await Assertions.Expect(bar.Locator("a.filter-chip", new() { HasText = "Tasnim News Agency" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.article-table tbody tr")).ToHaveCountAsync(1);

        await page.GoForwardAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles\\?from=2016-12-01$"));
        bar = await InteractiveBarAsync(page);
        await Assertions.Expect(bar.Locator("a.filter-chip", new() { HasText = "Tasnim News Agency" })).ToHaveCountAsync(0);
        watched.AssertClean();
    }

    /// <summary>A mark on the page's window object: it survives an in-place change and is gone after a full document load.</summary>
    static Task MarkDocumentAsync(IPage page) => page.EvaluateAsync("() => { window.__sameDocument = 'marked'; }");

    static Task<bool> SameDocumentAsync(IPage page) => page.EvaluateAsync<bool>("() => window.__sameDocument === 'marked'");

    [Fact]
    public async Task AFilterChangeUpdatesTheViewAndAddressInPlaceAndBackRestoresIt()
    {
        var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        await watched.GotoAsync("/articles?from=2016-12-01");
        var bar = await InteractiveBarAsync(page);
        var rows = page.Locator("table.article-table tbody tr");
        var before = await rows.CountAsync();
        Assert.True(before > 1, $"the seeds give several articles from 1 Dec ({before})");
        await MarkDocumentAsync(page);

        // The outlet list: tick one and close it (Escape, as a keyboard user does): the page follows, in place.
        await bar.Locator(".filter-outlets").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Tasnim News Agency" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles\\?from=2016-12-01&outlet=tasnim-news-agency$"));
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(bar.Locator("a.filter-chip", new() { HasText = "Tasnim News Agency" })).ToBeVisibleAsync();
        Assert.True(await SameDocumentAsync(page), "the view changed without a new document load");

        // A search: Enter in the box changes the view in place too.
        var search = bar.GetByLabel("Search sentences").First;
        await search.FillAsync("Aleppo");
        await search.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles\\?from=2016-12-01&outlet=tasnim-news-agency&q=Aleppo$"));
        await Assertions.Expect(bar.Locator("a.filter-chip", new() { HasText = "“Aleppo”" })).ToBeVisibleAsync();
        Assert.True(await SameDocumentAsync(page), "the search changed the view without a new document load");

        // A chip removed: its link is enhanced, so in place as well.
        await bar.GetByRole(AriaRole.Link, new() { Name = "Remove the filter Tasnim News Agency" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles\\?from=2016-12-01&q=Aleppo$"));
        await Assertions.Expect(bar.Locator("a.filter-chip", new() { HasText = "Tasnim News Agency" })).ToHaveCountAsync(0);
        Assert.True(await SameDocumentAsync(page), "removing a chip changed the view without a new document load");

        // Back twice: the outlet's view, then the first, each patched in place.
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles\\?from=2016-12-01&outlet=tasnim-news-agency&q=Aleppo$"));
        await Assertions.Expect(bar.Locator("a.filter-chip", new() { HasText = "Tasnim News Agency" })).ToBeVisibleAsync();
        Assert.True(await SameDocumentAsync(page), "Back restored the outlet's view without a new document load");
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles\\?from=2016-12-01&outlet=tasnim-news-agency$"));
        Assert.True(await SameDocumentAsync(page), "Back restored the view before the search without a new document load");
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles\\?from=2016-12-01$"));
        await Assertions.Expect(rows).ToHaveCountAsync(before);
        await Assertions.Expect(bar.Locator("a.filter-chip", new() { HasText = "Tasnim News Agency" })).ToHaveCountAsync(0);
        Assert.True(await SameDocumentAsync(page), "Back restored the views without a new document load");
        watched.AssertClean();
    }

    [Fact]
    public async Task EscapeClosesTheOutletListAfterAMouseClickWhereverTheFocusIs()
    {
        var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        await watched.GotoAsync("/articles?from=2016-12-01");
        var bar = await InteractiveBarAsync(page);
        await bar.Locator(".filter-outlets").First.ClickAsync();
        var option = page.Locator(".mud-popover-open [role=option]", new() { HasText = "Tasnim News Agency" });
        await option.ClickAsync();
        // Where a click leaves the focus until MudSelect takes it back over the circuit: on the option itself. An
        // Escape pressed there used to be lost, and the list stayed open.
        await option.FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator(".mud-popover-open [role=listbox]")).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles\\?from=2016-12-01&outlet=tasnim-news-agency$"));
        await Assertions.Expect(page.Locator("#filter-outlets-wide")).ToBeFocusedAsync();
        watched.AssertClean();
    }

    [Fact]
    public async Task OnTheOverviewAFilterChangeRedrawsTheSmallChartAndMapInPlace()
    {
        var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        await watched.GotoAsync("/");
        var bar = await InteractiveBarAsync(page);
        var chart = page.Locator("canvas[data-control-chart][data-mini]");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 15_000 });
        await MarkDocumentAsync(page);
        var search = bar.GetByLabel("Search sentences").First;
        await search.FillAsync("Aleppo");
        await search.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/\\?q=Aleppo$"));
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-src", new Regex("q=Aleppo"));
        // Drawn again from its new data (the draw clears data-state, then sets it).
        await page.WaitForFunctionAsync("() => document.querySelector('canvas[data-control-chart][data-mini]').drawnSrc?.includes('q=Aleppo')");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-map][data-mini]")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 15_000 });
        Assert.True(await SameDocumentAsync(page), "the overview changed without a new document load");
        watched.AssertClean();
    }

    [Fact]
    public async Task ThePlacePickerFindsAPlaceByPartOfItsNameWithItsArticleCount()
    {
        var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        await watched.GotoAsync("/map?outlet=reuters-syndicated");
        var bar = await InteractiveBarAsync(page);
        await bar.GetByLabel("Add a place").First.FillAsync("sukk");
        var option = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Sukkari" });
        await Assertions.Expect(option).ToContainTextAsync(new Regex("\\d+ articles?"));
        await option.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/map\\?outlet=reuters-syndicated&place=sukkari$"));
        await Assertions.Expect((await InteractiveBarAsync(page)).Locator("a.filter-chip", new() { HasText = "Sukkari" })).ToBeVisibleAsync();
        watched.AssertClean();
    }

    [Fact]
    public async Task OnAPhoneTheFiltersSitInADrawer()
    {
        var watched = await fixture.NewPageAsync(width: 390, height: 844);
        var page = watched.Page;
        await watched.GotoAsync("/articles?outlet=tasnim-news-agency");
        var bar = await InteractiveBarAsync(page);
        await Assertions.Expect(bar.GetByLabel("Search sentences")).ToBeHiddenAsync();
        await bar.GetByRole(AriaRole.Button, new() { Name = "Filters (1)" }).ClickAsync();
        var drawer = page.Locator(".mud-drawer");
        await Assertions.Expect(drawer.GetByLabel("Search sentences")).ToBeVisibleAsync();
        await drawer.GetByLabel("Search sentences").FillAsync("Hanano");
        await drawer.GetByLabel("Search sentences").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles\\?outlet=tasnim-news-agency&q=Hanano$"));
        // The view changed in place; the drawer closed so that the reader sees it.
        await Assertions.Expect(page.GetByLabel("Search sentences")).ToHaveCountAsync(1);
        await Assertions.Expect(bar.GetByRole(AriaRole.Button, new() { Name = "Filters (2)" })).ToBeVisibleAsync();
        watched.AssertClean();
    }

    [Fact]
    public async Task WithoutJavaScriptTheServerRenderedFormStillFilters()
    {
        var context = await fixture.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/articles").ToString());
        // The outlets are in a disclosure, so the form takes one row, as the interactive bar does.
        await page.Locator(".filter-static-choices > summary").ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Tasnim News Agency" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles\\?(.*&)?outlet=tasnim-news-agency"));
        await Assertions.Expect(page.Locator("table.article-table tbody tr")).ToHaveCountAsync(1);
        await context.CloseAsync();
    }
}
