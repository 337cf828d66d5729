using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class ClickThroughTests(BrowserFixture fixture)
{
    [Fact]
    public async Task OverviewToFilteredArticlesToArticleToCsv()
    {
        var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        await watched.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Aleppo");

        // Filter to one outlet with the filter bar's outlet list: the page follows when the list closes.
        var bar = page.Locator("section.filter-panel[data-interactive=true]");
        await Assertions.Expect(bar).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await bar.Locator(".filter-outlets .mud-select-input").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Tasnim News Agency" }).ClickAsync();
        // Close the list from the select's own input, as a keyboard user does (the click left focus in the list).
        await bar.Locator(".filter-outlets .mud-select-input").First.FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("outlet=tasnim-news-agency"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Articles", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles\\?outlet=tasnim-news-agency"));
        var rows = page.Locator("table.article-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);

        await rows.First.GetByRole(AriaRole.Link, new() { Name = "Syrian Forces Press Attack in East Aleppo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Syrian Forces Press Attack in East Aleppo");
        await Assertions.Expect(page.GetByText("from manifest").First).ToBeVisibleAsync();

        await page.GoBackAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export these articles (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("article_id,outlet,", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Tasnim News Agency", lines[1]);
        watched.AssertClean();
    }
}
