using AleppoDashboard.Web.Interactive;
using Bunit;
using Bunit.TestDoubles;

namespace AleppoDashboard.Web.Tests;

public class ControlChartTests : InteractiveComponentTests
{
    static readonly ControlChartState State = new("/api/claims?outlet=afp&scope=city", "/control?outlet=afp&scope=city", null, 4, "Aleppo as a whole");

    readonly BunitJSModuleInterop module;

    public ControlChartTests()
    {
        module = JSInterop.SetupModule("http://localhost/js/control-chart.js");
        module.SetupVoid("drawChart", _ => true).SetVoidResult();
    }

    IRenderedComponent<ControlChart> RenderChart(ControlChartState state) => Render<ControlChart>(p => p.Add(c => c.State, state));

    [Fact]
    public void TheCanvasNamesItsDataTheSelectedClaimAndWhatItShows()
    {
        var chart = RenderChart(State with { Highlighted = 17 });
        var canvas = chart.Find("canvas[data-control-chart]");
        Assert.Equal("/api/claims?outlet=afp&scope=city", canvas.GetAttribute("data-src"));
        Assert.Equal("17", canvas.GetAttribute("data-highlighted"));
        Assert.Equal("true", canvas.GetAttribute("data-interactive"));
        Assert.StartsWith("Chart of 4 claimed shares of Aleppo as a whole under government control", canvas.GetAttribute("aria-label"));
        Assert.Contains("The same claims are listed in the table below.", canvas.TextContent);
    }

    [Fact]
    public void ItIsDrawnOnceForEachStateAndAgainWhenTheSelectionChanges()
    {
        var chart = RenderChart(State);
        Assert.Single(module.Invocations["drawChart"]);
        chart.Render(p => p.Add(c => c.State, State));
        Assert.Single(module.Invocations["drawChart"]);
        chart.Render(p => p.Add(c => c.State, State with { Highlighted = 9 }));
        Assert.Equal(2, module.Invocations["drawChart"].Count);
        Assert.Equal("9", chart.Find("canvas").GetAttribute("data-highlighted"));
    }

    [Fact]
    public async Task SelectingAPointChangesTheAddressInPlace()
    {
        var chart = RenderChart(State);
        await chart.InvokeAsync(() => chart.Instance.SelectClaim(42));
        AssertWentInPlaceTo("http://localhost/control?outlet=afp&scope=city&claim=42", single: false);
    }

    [Fact]
    public void AClaimAddressStartsTheQueryWhenThePageHasNone() =>
        Assert.Equal("/control?claim=5", (State with { PageHref = "/control" }).ClaimHref(5));
}
