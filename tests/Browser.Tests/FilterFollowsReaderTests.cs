using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

/// <summary>The reader's filter goes with them: from a filtered list into an article, and from the article to the map.</summary>
[Collection(BrowserCollection.Name)]
public class FilterFollowsReaderTests(BrowserFixture fixture)
{
    const string Filter = "from=2016-12-01&outlet=tasnim-news-agency";

    [Fact]
    public async Task AFilteredListLeadsToAnArticleAndOnToTheMapWithTheFilterKept()
    {
        var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        await watched.GotoAsync("/articles?" + Filter);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("1 article matches");

        await page.Locator("table.article-table").GetByRole(AriaRole.Link, new() { Name = "Syrian Forces Press Attack in East Aleppo" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/articles/\\d+\\?{Regex.Escape(Filter)}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "← Back to the filtered articles" }))
            .ToHaveAttributeAsync("href", "/articles?" + Filter);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Map", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/map\\?{Regex.Escape(Filter)}$"));
        // The map draws the filtered places: every marker's popup links carry the filter too.
        await Assertions.Expect(page.Locator("#place-map[data-ready='true']")).ToBeAttachedAsync();
        Assert.Contains(Filter, await page.Locator("#place-map").GetAttributeAsync("data-geojson") ?? "");
        watched.AssertClean();
    }

    [Fact]
    public async Task NoGeneratedLinkHasAnEmptyParameter()
    {
        // The server-rendered form (what a reader without JavaScript uses), submitted with only a date: no "to=" or "q="
        // in the address (the server redirects to the address without them).
        var context = await fixture.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/articles").ToString());
        await page.GetByLabel("From").FillAsync("2016-12-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles\\?from=2016-12-01$"));
        var hrefs = await page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.DoesNotContain(hrefs, h => Regex.IsMatch(h, "[?&][a-z]+=(&|#|$)"));
        await context.CloseAsync();
    }
}
