using System.Text.RegularExpressions;
using AleppoDashboard.TestSupport;
using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

/// <summary>The app over tests/Fixtures/arabic-mixed: two Arabic and two English articles written for the tests.</summary>
public sealed class ArabicApp : IAsyncLifetime
{
    public DashboardAppFactory App { get; } = new BrowserApp(Path.Combine(RepoPaths.Tests, "Fixtures", "arabic-mixed"));

    public Task InitializeAsync()
    {
        _ = App.ServerAddress; // start Kestrel and load the articles
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// An Arabic article reads right to left inside the English page, and its highlights work as an English one's do:
/// a place opens the map focused on it (with the Arabic excerpt right to left in its popup), a claim its row.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ArabicArticleTests(BrowserFixture fixture, ArabicApp arabic) : IClassFixture<ArabicApp>
{
    const string Headline = "الجيش يواصل تقدمه في الأحياء الشرقية لحلب";

    async Task<WatchedPage> OpenAsync(string relative, int width = 1280)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        var watched = new WatchedPage(await context.NewPageAsync(), arabic.App.ServerAddress);
        var response = await watched.GotoAsync(relative);
        Assert.Equal(200, response!.Status);
        return watched;
    }

    async Task<IPage> OpenSanaArticleAsync(WatchedPage watched)
    {
        var page = watched.Page;
        await page.Locator("table.article-table").GetByRole(AriaRole.Link, new() { Name = Headline }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/articles/\d+\?lang=ar$"));
        return page;
    }

    static Task<string> DirectionOf(ILocator element) => element.EvaluateAsync<string>("e => getComputedStyle(e).direction");

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task TheArticleReadsRightToLeftInsideTheEnglishPage(int width)
    {
        var watched = await OpenAsync("/articles?lang=ar", width);
        var page = await OpenSanaArticleAsync(watched);
        var body = page.Locator(".article-body");
        Assert.Equal("rtl", await DirectionOf(body));
        Assert.Equal("rtl", await DirectionOf(page.Locator("h1#s0")));
        Assert.Equal("ar", await body.GetAttributeAsync("lang"));
        // The page around it stays left to right.
        Assert.Equal("ltr", await DirectionOf(page.Locator("#provenance-heading")));
        Assert.Equal("ltr", await DirectionOf(page.Locator("main")));

        // Right to left in layout, not only in style: the first sentence starts at the right edge of the text column.
        var column = (await body.BoundingBoxAsync())!;
        var first = (await page.Locator(".article-body p").First.BoundingBoxAsync())!;
        var firstLine = await page.Locator("#s1").EvaluateAsync<double>("e => e.getClientRects()[0].right");
        Assert.InRange(firstLine, column.X + column.Width - 2, column.X + column.Width + 2);
        Assert.True(first.Width <= column.Width + 1);
        // Nothing runs past the viewport: a mixed page keeps its layout.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        watched.AssertClean();
    }

    [Fact]
    public async Task AnArabicPlaceLeadsToTheFocusedMapWithTheExcerptRightToLeft()
    {
        var watched = await OpenAsync("/articles?lang=ar");
        var page = await OpenSanaArticleAsync(watched);
        var place = page.Locator(".article-body button.fact-place", new() { HasText = "الشيخ سعيد" });
        await place.ClickAsync();
        var card = page.Locator(".fact-card:popover-open");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("Sheikh Saeed");
        await card.GetByRole(AriaRole.Link, new() { Name = "Show on the map" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/map\?place=sheikh-saeed&lang=ar$"));
        await Assertions.Expect(page.Locator("#place-map")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(page.Locator(".map-marker.is-focused[data-place-id='sheikh-saeed']")).ToBeVisibleAsync();
        var excerpt = page.Locator(".leaflet-popup-content .map-excerpt p[dir=rtl][lang=ar]").First;
        await Assertions.Expect(excerpt).ToBeVisibleAsync();
        Assert.Equal("rtl", await DirectionOf(excerpt));
        await Assertions.Expect(excerpt.Locator("mark")).ToContainTextAsync("الشيخ سعيد");
        watched.AssertClean();
    }

    [Fact]
    public async Task AnArabicClaimLeadsToItsHighlightedRowWithTheSentenceRightToLeft()
    {
        var watched = await OpenAsync("/articles?lang=ar");
        var page = await OpenSanaArticleAsync(watched);
        var claim = page.Locator(".article-body button.fact-claim").First;
        await Assertions.Expect(claim).ToContainTextAsync("85%");
        await claim.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".fact-card:popover-open").GetByRole(AriaRole.Link, new() { Name = "Show among the control claims" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/control\?lang=ar&scope=east&claim=(\d+)#claim-\d+$"));
        var id = Regex.Match(page.Url, @"claim=(\d+)").Groups[1].Value;
        var row = page.Locator($"tr#claim-{id}");
        await Assertions.Expect(row).ToHaveClassAsync(new Regex("is-highlighted"));
        var sentence = row.Locator("bdi.text-ar[dir=rtl][lang=ar]");
        Assert.Equal("rtl", await DirectionOf(sentence));
        await Assertions.Expect(sentence.Locator("mark.fact-claim, button.fact-claim")).ToContainTextAsync("85%");
        watched.AssertClean();
    }

    [Fact]
    public async Task ASearchWithoutHarakatHighlightsTheWordAsWritten()
    {
        var watched = await OpenAsync("/articles?q=" + Uri.EscapeDataString("مستشفى"));
        var marks = watched.Page.Locator("table.article-table bdi.text-ar mark.fact-hit");
        await Assertions.Expect(marks).ToHaveCountAsync(2);
        Assert.Contains("المُسْتَشْفَى", await marks.AllTextContentsAsync());
        Assert.Equal("rtl", await DirectionOf(marks.First));
        watched.AssertClean();
    }
}
