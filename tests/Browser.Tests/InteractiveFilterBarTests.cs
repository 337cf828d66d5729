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
