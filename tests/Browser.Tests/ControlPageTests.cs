using System.Text.RegularExpressions;
using AleppoDashboard.TestSupport;
using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

/// <summary>Its own app (seeds plus a known set of control claims), so it does not change the shared fixture's data.</summary>
public sealed class ControlClaimsApp : IAsyncLifetime
{
    public DashboardAppFactory App { get; } = new BrowserApp();

    public async Task InitializeAsync()
    {
        _ = App.ServerAddress;
        await ControlClaimSeeder.ReplaceClaimsAsync(App.Services);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[Collection(BrowserCollection.Name)]
public class ControlPageTests(BrowserFixture fixture, ControlClaimsApp claims) : IClassFixture<ControlClaimsApp>
{
    const string ClaimPoints = "c => c.controlChart.data.datasets.filter(d => !d.spread).reduce((n, d) => n + d.data.length, 0)";

    async Task<WatchedPage> OpenAsync(string relative)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var watched = new WatchedPage(await context.NewPageAsync(), claims.App.ServerAddress);
        await watched.GotoAsync(relative);
        return watched;
    }

    static async Task<ILocator> ReadyChartAsync(IPage page)
    {
        // The chart once its component is up (drawn again by it), so that a click goes through the circuit.
        var chart = page.Locator("canvas[data-control-chart][data-interactive=true]");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-state", "ready");
        return chart;
    }

    /// <summary>Page coordinates of one claim point, read from the chart the module drew.</summary>
    static async Task<(float X, float Y)> PointAsync(ILocator chart, int dataset, int index)
    {
        var box = (await chart.BoundingBoxAsync())!;
        var at = await chart.EvaluateAsync<float[]>($"c => {{ const p = c.controlChart.getDatasetMeta({dataset}).data[{index}]; return [p.x, p.y]; }}");
        return (box.X + at[0], box.Y + at[1]);
    }

    [Fact]
    public async Task PlottedPointsMatchTheTableRowsAndSwitchingScopeKeepsTheFilter()
    {
        var watched = await OpenAsync("/control?from=2016-10-01");
        var page = watched.Page;
        var chart = await ReadyChartAsync(page);

        var rows = page.Locator("table.control-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        var plottedRows = await page.Locator("table.control-table tbody tr[data-plotted=true]").CountAsync();
        Assert.Equal(4, plottedRows);
        Assert.Equal(plottedRows.ToString(), await chart.GetAttributeAsync("data-plotted-points"));
        Assert.Equal(plottedRows, await chart.EvaluateAsync<int>(ClaimPoints));
        // Four claims share 9 December (80% and 85%): one spread bar from 80 to 85.
        var spread = await chart.EvaluateAsync<double[]>("c => c.controlChart.data.datasets.find(d => d.spread).data.filter(p => p.y !== null).map(p => p.y)");
        Assert.Equal([80.0, 85.0], spread);
        await Assertions.Expect(page.GetByText("Not in the chart: the article is dated only to the month.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Scope of the claims" }).GetByRole(AriaRole.Link, new() { Name = "Aleppo as a whole" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/control\?from=2016-10-01&scope=city$"));
        chart = await ReadyChartAsync(page);
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        Assert.Equal("1", await chart.GetAttributeAsync("data-plotted-points"));
        Assert.Equal(1, await chart.EvaluateAsync<int>(ClaimPoints));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Aleppo as a whole");
        watched.AssertClean();
    }

    [Fact]
    public async Task HoveringAPointShowsItsClaimClickingSelectsItInPlaceAndClickingAgainOpensItsSentence()
    {
        var watched = await OpenAsync("/control?scope=city");
        var page = watched.Page;
        var chart = await ReadyChartAsync(page);
        var (x, y) = await PointAsync(chart, 0, 0);

        await page.Mouse.MoveAsync(x, y);
        // The point's sentence is fetched from /api/claims/{id} on hover; the tooltip is redrawn when it arrives.
        const string TooltipLines = "c => c.controlChart.tooltip.getActiveElements().length ? c.controlChart.tooltip.body.flatMap(b => b.lines) : []";
        await page.WaitForFunctionAsync($"c => ({TooltipLines})(c).some(l => l.startsWith('Attributed to:'))", await chart.ElementHandleAsync());
        var tooltip = await chart.EvaluateAsync<string[]>(TooltipLines);
        Assert.Contains("Syria Truths:", tooltip);
        Assert.Contains("Attributed to: Syria's state-run television", tooltip);
        Assert.Contains(tooltip, line => line.Contains("99 percent"));

        // A click selects the point: the address gets its claim, in place; its row and sentence show, and the point is highlighted.
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        await page.Mouse.ClickAsync(x, y);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/control\?scope=city&claim=\d+$"));
        var claimId = new Regex(@"claim=(\d+)").Match(page.Url).Groups[1].Value;
        await Assertions.Expect(page.Locator("[data-selected-claim]")).ToContainTextAsync("99 percent of");
        await Assertions.Expect(page.Locator($"tr[data-claim=\"{claimId}\"]")).ToHaveClassAsync("is-highlighted");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-highlighted-claim", claimId);
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));

        // Back: no point selected, still in place.
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/control\?scope=city$"));
        await Assertions.Expect(page.Locator("[data-selected-claim]")).ToHaveCountAsync(0);
        await page.GoForwardAsync();
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-highlighted-claim", claimId);

        // A click on the selected point opens its sentence.
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-state", "ready");
        (x, y) = await PointAsync(chart, 0, 0);
        await page.Mouse.ClickAsync(x, y);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/articles/\d+#s\d+$"));
        await Assertions.Expect(page.Locator(".sentence:target")).ToContainTextAsync("99 percent of");
        watched.AssertClean();
    }

    [Fact]
    public async Task KeyboardFocusShowsAClaimEnterSelectsItAndEnterAgainOpensItsSentence()
    {
        var watched = await OpenAsync("/control?outlet=reuters-syndicated");
        var page = watched.Page;
        var chart = await ReadyChartAsync(page);

        await chart.FocusAsync();
        var live = page.Locator("[data-control-chart-focus]");
        await Assertions.Expect(live).ToContainTextAsync("Point 1 of 2. Reuters (syndicated), 9 Dec 2016. 80% of east Aleppo (32 of 40), neighbourhood count");
        Assert.Equal(1, await chart.EvaluateAsync<int>("c => c.controlChart.tooltip.getActiveElements().length"));
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(live).ToContainTextAsync("Point 2 of 2. Reuters (syndicated), 9 Dec 2016. about 85% of east Aleppo, area share");
        var claimId = await chart.GetAttributeAsync("data-focused-claim");
        var href = await page.Locator($"tr[data-claim=\"{claimId}\"] a").GetAttributeAsync("href");

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"claim=" + claimId + "$"));
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-highlighted-claim", claimId!);
        // The chart keeps the keyboard focus, at the selected point.
        await Assertions.Expect(live).ToContainTextAsync("Point 2 of 2.");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href!) + "$"));
        await Assertions.Expect(page.Locator(".sentence:target mark.fact-claim, .sentence:target")).Not.ToHaveCountAsync(0);
        watched.AssertClean();
    }

    [Fact]
    public async Task AnOutletKeepsItsColourWhateverTheFilter()
    {
        const string ReutersColour = "c => c.controlChart.data.datasets.find(d => d.label === 'Reuters (syndicated)').borderColor";
        var all = await OpenAsync("/control");
        var colourAmongAll = await (await ReadyChartAsync(all.Page)).EvaluateAsync<string>(ReutersColour);
        var alone = await OpenAsync("/control?outlet=reuters-syndicated");
        var colourAlone = await (await ReadyChartAsync(alone.Page)).EvaluateAsync<string>(ReutersColour);
        Assert.Equal(colourAmongAll, colourAlone);
        var others = await (await ReadyChartAsync(all.Page)).EvaluateAsync<string[]>("c => c.controlChart.data.datasets.filter(d => !d.spread).map(d => d.borderColor)");
        Assert.Equal(others.Length, others.Distinct().Count());
        all.AssertClean();
        alone.AssertClean();
    }

    [Fact]
    public async Task NoClaimsAfterFilteringSaysSoWithoutAChart()
    {
        var watched = await OpenAsync("/control?outlet=tasnim-news-agency&scope=city");
        var page = watched.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("so there is no chart");
        await Assertions.Expect(page.Locator("canvas")).ToHaveCountAsync(0);
        watched.AssertClean();
    }

    [Fact]
    public async Task ControlPageContentHasNoAxeViolations()
    {
        // axe-core (npm, a dev dependency of src/Web) is injected inline, so this page's context bypasses the CSP.
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(claims.App.ServerAddress, "/control?from=2016-10-01").ToString());
        await ReadyChartAsync(page);
        await page.AddScriptTagAsync(new() { Path = Path.Combine(RepoPaths.Root, "src", "Web", "node_modules", "axe-core", "axe.min.js") });
        var violations = await page.EvaluateAsync<string[]>(
            "async () => (await axe.run('#main')).violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`)");
        Assert.Empty(violations);
    }

    [Fact]
    public async Task OverviewDrawsASmallChartThatLinksToTheControlPage()
    {
        var watched = await OpenAsync("/?outlet=reuters-syndicated");
        var page = watched.Page;
        var mini = page.Locator("canvas[data-control-chart][data-mini]");
        await Assertions.Expect(mini).ToHaveAttributeAsync("data-state", "ready");
        Assert.Equal("2", await mini.GetAttributeAsync("data-plotted-points"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the control chart" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/control\?outlet=reuters-syndicated$"));
        await ReadyChartAsync(page);
        watched.AssertClean();
    }
}
