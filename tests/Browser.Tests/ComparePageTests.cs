using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class ComparePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PickAPlaceSearchAPhraseAndOpenASentence()
    {
        var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        await watched.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Side by side: what each outlet wrote");

        // Pick a place in the page's own topic picker (labelled exactly "Place"; the filter bar's place picker, once interactive, is "Add a place").
        await page.GetByLabel("Place", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Sukkari" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/compare\\?place=sukkari"));
        var placeRow = page.Locator("tr.compare-row[data-topic='place:sukkari']");
        await Assertions.Expect(placeRow.GetByRole(AriaRole.Rowheader)).ToContainTextAsync("Sukkari");
        await Assertions.Expect(placeRow.Locator("td.compare-cell")).ToHaveCountAsync(5);
        await Assertions.Expect(placeRow.GetByText("Tasnim News Agency said nothing on this in the filtered articles.")).ToBeVisibleAsync();

        // Search a phrase instead (untick the place in the filter bar): Tasnim's and Reuters' copies of one quote.
        var bar = page.Locator("section.filter-panel[data-interactive=true]");
        await Assertions.Expect(bar).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await bar.GetByRole(AriaRole.Link, new() { Name = "Remove the filter Sukkari" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/compare$"));
        bar = page.Locator("section.filter-panel[data-interactive=true]");
        await Assertions.Expect(bar).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await bar.GetByLabel("Search sentences").FillAsync("\"according to plan\"");
        await bar.GetByLabel("Search sentences").PressAsync("Enter");
        var textRow = page.Locator("tr.compare-row[data-topic='text:\"according to plan\"']");
        var tasnim = textRow.Locator("td[data-outlet='tasnim-news-agency']");
        await Assertions.Expect(tasnim.Locator("mark")).ToHaveTextAsync("according to plan");
        await Assertions.Expect(tasnim.GetByText("shared copy")).ToBeVisibleAsync();
        await Assertions.Expect(tasnim.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Reuters \\(syndicated\\), 9 Dec 2016, paragraph \\d+$") })).ToBeVisibleAsync();

        // Open the sentence in its article: the anchor is the sentence, and the search comes along.
        await tasnim.Locator("a.sentence-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles/\\d+\\?q=%22according%20to%20plan%22#s\\d+$"));
        var anchor = new Uri(page.Url).Fragment.TrimStart('#');
        await Assertions.Expect(page.Locator($"[id='{anchor}']")).ToContainTextAsync("The advance is going according to plan");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Syrian Forces Press Attack in East Aleppo");
        watched.AssertClean();
    }
}
