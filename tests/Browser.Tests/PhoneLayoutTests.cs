namespace AleppoDashboard.Browser.Tests;

/// <summary>
/// On a phone (390 px) no page scrolls sideways: wide tables and matrices scroll in their own boxes. (A visually hidden
/// label in a matrix cell, positioned against the page rather than its scrolling box, once made /compare 665 px wide.)
/// </summary>
[Collection(BrowserCollection.Name)]
public class PhoneLayoutTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/articles")]
    [InlineData("/articles/2")]
    [InlineData("/map")]
    [InlineData("/control")]
    [InlineData("/compare")]
    [InlineData("/compare?topic=claims")]
    [InlineData("/compare?q=rebels")]
    [InlineData("/articles?from=not-a-date")]
    public async Task NoPageScrollsSidewaysOnAPhone(string path)
    {
        var watched = await fixture.NewPageAsync(390, 844);
        var page = watched.Page;
        await watched.GotoAsync(path);
        if (await page.Locator("[data-map]").CountAsync() > 0) await page.Locator("[data-map][data-ready=true]").First.WaitForAsync();
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide in a {widths[1]} px window");
    }
}
