using System.Text.Json;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Browser.Tests;

/// <summary>axe-core (from the Web project's npm packages) finds no serious or critical problem on the map page, popup open.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MapAccessibilityTests(BrowserFixture fixture) : IAsyncLifetime
{
    readonly DashboardAppFactory app = new(Path.Combine(RepoPaths.Tests, "Fixtures", "map-articles"));

    public async Task InitializeAsync() => await app.MentionPlaceNamesAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("/map")]
    [InlineData("/map?color=outlet&sort=name")]
    [InlineData("/")]
    public async Task MapPagesHaveNoSeriousAxeViolations(string path)
    {
        var axe = Path.Combine(RepoPaths.Root, "src", "Web", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(axe), "axe-core is missing: run the Web project's build (it runs npm ci).");
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var watched = new WatchedPage(await context.NewPageAsync(), app.ServerAddress);
        var page = watched.Page;
        await watched.GotoAsync(path);
        await page.Locator("[data-map][data-ready=true]").First.WaitForAsync();
        if (path.StartsWith("/map", StringComparison.Ordinal))
        {
            // Open a popup too: its content is part of what a reader meets.
            await page.Locator(".map-marker, .map-cluster").First.ClickAsync();
        }
        // Colour contrast measured mid-fade (popup, cluster zoom) is not the page's contrast: let transitions finish.
        await page.WaitForFunctionAsync(AxeAudit.NoRunningAnimations);
        // Evaluated through the DevTools protocol (not a page script tag), so the page's CSP is not involved.
        await page.EvaluateAsync(await File.ReadAllTextAsync(axe));
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).join('; ') + ')')");
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
