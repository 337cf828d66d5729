using System.Text.Json;
using AleppoDashboard.TestSupport;
using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

/// <summary>The app over the hostile test articles (tests/Fixtures/hostile-articles), its place mentions and claim in place.</summary>
public sealed class HostileApp : IAsyncLifetime
{
    public DashboardAppFactory App { get; } = new BrowserApp(HostileArticles.Folder);

    public const string OutletSlug = "b-observer-b-img-src-x-onerror-window-pwned-1";

    public async Task InitializeAsync() => await App.EnsureFactsAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Article text is untrusted: the markup, script, <c>javascript:</c> links, Razor-looking strings and right-to-left overrides of
/// the hostile articles render as inert, literal text on every page, popup, tooltip and table, filtered or not. The payloads set
/// <c>window.__pwned</c> or open an alert, so "nothing ran" is checked directly, with no dialog, no console error and no page error.
/// </summary>
[Collection(BrowserCollection.Name)]
public class HostileTextTests(BrowserFixture fixture, HostileApp hostile) : IClassFixture<HostileApp>
{
    const string Slug = HostileApp.OutletSlug;

    /// <summary>Elements a payload would have created had it been parsed as markup instead of shown as text.</summary>
    const string Injected = "script:not([src]), img[src='x'], [onerror], [onload], svg[onload], a[href^='javascript:' i], main b, main i";

    async Task<WatchedPage> OpenAsync(string relative)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var watched = new WatchedPage(await context.NewPageAsync(), hostile.App.ServerAddress);
        var response = await watched.GotoAsync(relative);
        Assert.Equal(200, response!.Status);
        return watched;
    }

    /// <summary>Nothing ran, nothing was parsed as markup, nothing was logged; and the page shows the hostile text literally.</summary>
    static async Task AssertInertAsync(WatchedPage watched, params string[] literalTexts)
    {
        var page = watched.Page;
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.Equal(0, await page.Locator(Injected).CountAsync());
        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        foreach (var literal in literalTexts)
        {
            Assert.Contains(literal, text, StringComparison.Ordinal);
        }
        watched.AssertClean();
    }

    public static TheoryData<string, string[]> Pages()
    {
        var pages = new TheoryData<string, string[]>();
        foreach (var (path, texts) in AllPages)
        {
            pages.Add(path, texts);
        }
        return pages;
    }

    static readonly (string Path, string[] Texts)[] AllPages =
    [
        ("/", [HostileArticles.OutletName]),
        ($"/?outlet={Slug}&q=Sukkari", [HostileArticles.OutletName]),
        ("/articles", [HostileArticles.OutletName, HostileArticles.Headline]),
        ($"/articles?outlet={Slug}&from=2016-12-01&to=2016-12-31", [HostileArticles.Headline]),
        ("/articles?q=" + Uri.EscapeDataString("\"DROP TABLE\""), [HostileArticles.Headline]),
        ("/articles?q=script&place=sukkari", [HostileArticles.Headline]),
        ("/compare", [HostileArticles.OutletName]),
        ("/compare?place=sukkari", [HostileArticles.ScriptSentence]),
        ("/compare?place=salaheddine&outlet=" + Slug, [HostileArticles.ImgSentence]),
        ("/compare?q=DateTime", [HostileArticles.RazorSentence]),
        ("/compare?q=signed", [HostileArticles.RtlSentence]),
        ("/control", [HostileArticles.ClaimSentence]),
        ($"/control?outlet={Slug}&from=2016-12-01", [HostileArticles.ClaimSentence]),
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task HostileTextIsInertOnThePage(string path, string[] literalTexts)
    {
        var watched = await OpenAsync(path);
        if (path.StartsWith("/control", StringComparison.Ordinal))
        {
            await Assertions.Expect(watched.Page.Locator("canvas[data-control-chart]")).ToHaveAttributeAsync("data-state", "ready");
        }
        if (path == "/")
        {
            await Assertions.Expect(watched.Page.Locator("[data-map][data-ready=true]").First).ToBeVisibleAsync();
        }
        await AssertInertAsync(watched, literalTexts);
    }

    [Fact]
    public async Task TheArticlePageShowsEveryPayloadAsTextAndDoesNotLinkTheJavascriptUrl()
    {
        var watched = await OpenAsync("/articles/1");
        var page = watched.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(HostileArticles.Headline);
        await AssertInertAsync(watched,
            HostileArticles.OutletName, HostileArticles.ScriptSentence, HostileArticles.ImgSentence, HostileArticles.RazorSentence,
            HostileArticles.RtlSentence, HostileArticles.ClaimSentence, HostileArticles.DropTable, HostileArticles.Url);
        // The javascript: URL is shown, never linked; the claim is highlighted inside the literal <b> text.
        Assert.Equal(0, await page.Locator("a[href*='javascript' i]").CountAsync());
        await Assertions.Expect(page.GetByText(HostileArticles.Url, new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#s3 .fact-claim")).ToHaveTextAsync(HostileArticles.ClaimWords);
        // Razor-looking text was not evaluated on the server.
        Assert.DoesNotContain("49", await page.Locator("#s4").InnerTextAsync());
    }

    [Fact]
    public async Task FilteredArticlePageIsInertToo()
    {
        var watched = await OpenAsync("/articles/1?q=Sukkari&outlet=" + Slug);
        await AssertInertAsync(watched, HostileArticles.Headline, HostileArticles.ScriptSentence);
    }

    [Theory]
    [InlineData("/map", "salaheddine", HostileArticles.ImgSentence)]
    [InlineData("/map", "sukkari", HostileArticles.ScriptSentence)]
    [InlineData("/map?color=outlet&sort=name&dir=desc", "bustan-al-qasr", HostileArticles.RazorSentence)]
    [InlineData("/map?outlet=" + Slug + "&from=2016-12-10", "masaken-hanano", HostileArticles.RtlSentence)]
    public async Task MapPopupsAndTableShowThePayloadsAsText(string path, string placeId, string sentence)
    {
        var watched = await OpenAsync(path);
        var page = watched.Page;
        await page.Locator("[data-map][data-ready=true]").First.WaitForAsync();
        for (var i = 0; i < 6 && await page.Locator(".map-cluster").CountAsync() > 0; i++)
        {
            await page.Locator(".map-cluster").First.ClickAsync();
            await page.WaitForTimeoutAsync(600); // the cluster's zoom animation
        }
        await page.Locator($".map-marker[data-place-id={placeId}]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var popup = page.Locator(".leaflet-popup-content .map-popup");
        await Assertions.Expect(popup).ToBeVisibleAsync();
        await Assertions.Expect(popup.Locator("blockquote").Filter(new() { HasText = sentence })).Not.ToHaveCountAsync(0);
        Assert.Equal(0, await popup.Locator("img, script, svg, b").CountAsync());
        await AssertInertAsync(watched, sentence);
    }

    [Fact]
    public async Task ControlTooltipAndTableShowTheClaimMarkupAsText()
    {
        var watched = await OpenAsync("/control?outlet=" + Slug);
        var page = watched.Page;
        var chart = page.Locator("canvas[data-control-chart]");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-state", "ready");
        var box = (await chart.BoundingBoxAsync())!;
        var at = await chart.EvaluateAsync<float[]>("c => { const p = c.controlChart.getDatasetMeta(0).data[0]; return [p.x, p.y]; }");
        await page.Mouse.MoveAsync(box.X + at[0], box.Y + at[1]);
        // The sentence comes from /api/claims/{id} once the point is hovered.
        await page.WaitForFunctionAsync(
            "c => c.controlChart.tooltip.getActiveElements().length && c.controlChart.tooltip.body.flatMap(b => b.lines).some(l => l.startsWith('Attributed to:'))",
            await chart.ElementHandleAsync());
        var tooltip = await chart.EvaluateAsync<JsonElement>(
            "c => c.controlChart.tooltip.getActiveElements().length ? [...c.controlChart.tooltip.title, ...c.controlChart.tooltip.body.flatMap(b => b.lines)] : []");
        var lines = string.Join(" ", tooltip.EnumerateArray().Select(l => l.GetString()));
        Assert.Contains(HostileArticles.OutletName, lines, StringComparison.Ordinal);
        Assert.Contains(HostileArticles.ClaimSentence, lines, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("table.control-table").GetByText(HostileArticles.ClaimSentence, new() { Exact = false })).Not.ToHaveCountAsync(0);
        await AssertInertAsync(watched, HostileArticles.ClaimSentence);
    }

    [Theory]
    [InlineData("/articles/1")]
    [InlineData("/articles")]
    [InlineData("/map")]
    [InlineData("/control")]
    [InlineData("/compare?place=sukkari")]
    public async Task HostileTextDoesNotBreakAccessibility(string path)
    {
        var watched = await OpenAsync(path);
        var page = watched.Page;
        if (await page.Locator("[data-map]").CountAsync() > 0) await page.Locator("[data-map][data-ready=true]").First.WaitForAsync();
        if (await page.Locator("canvas[data-control-chart]").CountAsync() > 0)
        {
            await Assertions.Expect(page.Locator("canvas[data-control-chart]").First).ToHaveAttributeAsync("data-state", "ready");
        }
        var violations = await AxeAudit.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
