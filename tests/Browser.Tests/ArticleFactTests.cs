using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

/// <summary>Facts in an article are links: their details open by click or keyboard, and lead on with the filter kept.</summary>
[Collection(BrowserCollection.Name)]
public class ArticleFactTests(BrowserFixture fixture)
{
    const string Filter = "from=2016-12-01&outlet=tasnim-news-agency";

    async Task<(WatchedPage Watched, IPage Page)> OpenTasnimArticleAsync()
    {
        var watched = await fixture.NewPageAsync();
        var page = watched.Page;
        await watched.GotoAsync("/articles?" + Filter);
        await page.Locator("table.article-table").GetByRole(AriaRole.Link, new() { Name = "Syrian Forces Press Attack in East Aleppo" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/articles/\\d+\\?{Regex.Escape(Filter)}$"));
        return (watched, page);
    }

    [Fact]
    public async Task APlaceInAnArticleLeadsToTheFocusedMapWithTheFilterKept()
    {
        var (watched, page) = await OpenTasnimArticleAsync();
        var place = page.Locator(".article-body button.fact-place").First;
        var name = (await place.TextContentAsync())!;
        await place.ClickAsync();
        var card = page.Locator(".fact-card:popover-open");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await card.GetByRole(AriaRole.Link, new() { Name = "Show on the map" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/map\\?{Regex.Escape(Filter)}&place=[a-z0-9-]+$"));
        var placeId = Regex.Match(page.Url, "place=([a-z0-9-]+)").Groups[1].Value;
        var map = page.Locator("#place-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-ready", "true");
        // A marker, or for east and west Aleppo the shaded area, marked as the place the reader came to see.
        await Assertions.Expect(page.Locator($".map-marker.is-focused[data-place-id='{placeId}'], path.city-area.is-focused[data-place-id='{placeId}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".leaflet-popup-content .map-popup")).ToBeVisibleAsync();
        Assert.False(string.IsNullOrWhiteSpace(name));
        watched.AssertClean();
    }

    [Fact]
    public async Task FactDetailsOpenByKeyboardAndAClaimLeadsToItsHighlightedRow()
    {
        var (watched, page) = await OpenTasnimArticleAsync();
        var claim = page.Locator(".article-body button.fact-claim").First;
        await claim.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var card = page.Locator(".fact-card:popover-open");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("Control claim:");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(card).ToHaveCountAsync(0);

        await claim.ClickAsync();
        await page.Locator(".fact-card:popover-open").GetByRole(AriaRole.Link, new() { Name = "Show among the control claims" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/control\\?{Regex.Escape(Filter)}&scope=[a-z:-]+&claim=(\\d+)#claim-\\d+$"));
        var id = Regex.Match(page.Url, "claim=(\\d+)").Groups[1].Value;
        await Assertions.Expect(page.Locator($"tr#claim-{id}")).ToHaveClassAsync(new Regex("is-highlighted"));
        watched.AssertClean();
    }

    [Fact]
    public async Task LegendChipsTurnACategorysHighlightsOffAndOn()
    {
        var (watched, page) = await OpenTasnimArticleAsync();
        var place = page.Locator(".article-body .fact-place").First;
        var before = await place.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        var chip = page.Locator("label[for=show-place]");
        await chip.ClickAsync();
        Assert.False(await page.Locator("#show-place").IsCheckedAsync());
        Assert.Equal("rgba(0, 0, 0, 0)", await place.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        // The other kinds keep theirs; ticking again brings the places back.
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.Locator(".article-body .fact-source").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        // By keyboard: the checkbox takes focus (the chip shows it) and Space ticks it.
        await page.Locator("#show-place").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator("#show-place").IsCheckedAsync());
        Assert.Equal(before, await place.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        watched.AssertClean();
    }
}
