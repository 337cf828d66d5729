using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

/// <summary>The summary matrix leads to the sentences behind each count, and the origins switch changes the counts.</summary>
[Collection(BrowserCollection.Name)]
public class CompareSummaryFlowTests(BrowserFixture fixture)
{
    const string Plan = "\"according to plan\"";

    [Fact]
    public async Task AMatrixCellLeadsToThatOutletsSentencesAndOnToTheArticle()
    {
        var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        await watched.GotoAsync("/compare?q=" + Uri.EscapeDataString(Plan));

        var count = page.Locator("table.summary-matrix td[data-outlet='tasnim-news-agency'] a");
        await Assertions.Expect(count).ToHaveTextAsync("1");
        await Assertions.Expect(count).ToHaveAccessibleNameAsync($"1 sentence by Tasnim News Agency on Search: {Plan}");
        // Once the matrix is interactive, a click selects the cell in place (the same document, the address changed).
        await Assertions.Expect(page.Locator("table.summary-matrix[data-interactive=true]")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        await count.ClickAsync();

        // The address names the cell, and its sentence shows under the matrix, cited by outlet, date and paragraph.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("&cell=search--tasnim-news-agency$"));
        var cell = page.Locator("#compare-selected");
        await Assertions.Expect(cell).ToBeVisibleAsync();
        await Assertions.Expect(cell.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"Tasnim News Agency on Search: {Plan}");
        await Assertions.Expect(count).ToHaveAttributeAsync("aria-current", "true");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        var citation = cell.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Tasnim News Agency, \\d+ \\w{3} 2016, paragraph \\d+$") });
        await Assertions.Expect(cell.Locator("mark")).ToHaveTextAsync("according to plan");

        await citation.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles/\\d+\\?q=%22according%20to%20plan%22#s\\d+$"));
        var anchor = new Uri(page.Url).Fragment.TrimStart('#');
        await Assertions.Expect(page.Locator($"[id='{anchor}']")).ToContainTextAsync("The advance is going according to plan");
        watched.AssertClean();
    }

    [Fact]
    public async Task TheOriginsSwitchCountsTheWireQuoteOnce()
    {
        var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        await watched.GotoAsync("/compare?q=" + Uri.EscapeDataString(Plan));
        var total = page.Locator($"tr[data-summary-topic='text:{Plan}'] td.summary-all");
        await Assertions.Expect(total).ToHaveTextAsync("2 sentences");

        await page.GetByRole(AriaRole.Link, new() { Name = "each origin once" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("origins=1"));
        await Assertions.Expect(total).ToHaveTextAsync("1 origin of 2 sentences");
        await Assertions.Expect(page.Locator("[data-origins-summary]")).ToHaveTextAsync("2 sentences from 1 origin in these rows");
        await Assertions.Expect(page.Locator("#search--tasnim-news-agency .origin-badge")).ToHaveTextAsync("one origin: 2 copies by 2 outlets");
        // Back and Forward restore the count (in place once the switch is interactive, a page load before).
        await page.GoBackAsync();
        await Assertions.Expect(total).ToHaveTextAsync("2 sentences");
        await page.GoForwardAsync();
        await Assertions.Expect(total).ToHaveTextAsync("1 origin of 2 sentences");

        // The switch follows the reader: the control page keeps it, and the way back counts every copy again.
        await page.GetByRole(AriaRole.Link, new() { Name = "Control", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/control\\?.*origins=1"));
        await Assertions.Expect(page.Locator("[data-origins-summary]")).ToHaveTextAsync(new Regex("^\\d+ claims? from \\d+ origins?$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "every copy" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("origins="));
        await Assertions.Expect(page.Locator("[data-origins-summary]")).ToHaveCountAsync(0);
        watched.AssertClean();
    }
}
