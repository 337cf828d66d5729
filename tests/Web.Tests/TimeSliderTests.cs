using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Views.Timeline;
using AleppoDashboard.Web.Interactive;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AleppoDashboard.Web.Tests;

public class TimeSliderTests : InteractiveComponentTests
{
    // 3 Oct 2016 is a Monday; the span runs to Thursday 15 Dec, which is in the eleventh week (12–18 Dec).
    static readonly DaySpan Span = new(new DateOnly(2016, 10, 3), new DateOnly(2016, 12, 15));

    static TimeSliderState StateFor(DateOnly? from, DateOnly? to) => TimeSliderState.Of("/map",
        Span, new DashboardFilter(from, to, ["afp"], [], null), [new("color", "outlet")]);

    IRenderedComponent<TimeSlider> RenderSlider(TimeSliderState state) => Render<TimeSlider>(p => p.Add(s => s.State, state));

    [Fact]
    public void WithoutDatesTheSliderIsAtAllDatesAndStepsByWeek()
    {
        var state = StateFor(null, null);
        Assert.Equal(TimeStep.Week, state.Step);
        Assert.Equal(11, state.Count);
        Assert.Equal(0, state.Position);
        var slider = RenderSlider(state);
        Assert.Equal("All dates (3 Oct – 15 Dec 2016)", slider.Find("[data-time-slider-period]").TextContent);
        Assert.Empty(slider.FindAll("a.time-slider-prev"));
        Assert.Equal("/map?from=2016-10-03&to=2016-10-09&outlet=afp&color=outlet", slider.Find("a.time-slider-next").GetAttribute("href"));
    }

    [Fact]
    public void AWeekOfTheFilterIsThePositionAndItsNeighboursAreLinks()
    {
        var state = StateFor(new DateOnly(2016, 12, 5), new DateOnly(2016, 12, 11));
        Assert.Equal(10, state.Position);
        var slider = RenderSlider(state);
        Assert.Equal("Week of 5–11 Dec 2016", slider.Find("[data-time-slider-period]").TextContent);
        Assert.Equal("/map?from=2016-11-28&to=2016-12-04&outlet=afp&color=outlet", slider.Find("a.time-slider-prev").GetAttribute("href"));
        Assert.Equal("/map?from=2016-12-12&to=2016-12-18&outlet=afp&color=outlet", slider.Find("a.time-slider-next").GetAttribute("href"));
        Assert.Equal("/map?outlet=afp&color=outlet", slider.Find("a[data-time-slider-all]").GetAttribute("href"));
        Assert.Equal("10", slider.Find("input[type=range]").GetAttribute("value"));
    }

    [Fact]
    public void AOneDayFilterStepsByDay()
    {
        var state = StateFor(new DateOnly(2016, 12, 9), new DateOnly(2016, 12, 9));
        Assert.Equal(TimeStep.Day, state.Step);
        Assert.Equal(74, state.Count);
        var slider = RenderSlider(state);
        Assert.Equal("9 Dec 2016", slider.Find("[data-time-slider-period]").TextContent);
        Assert.Equal("/map?from=2016-12-10&to=2016-12-10&outlet=afp&color=outlet", slider.Find("a.time-slider-next").GetAttribute("href"));
        // Back to weeks: the week that holds the day.
        Assert.Equal("/map?from=2016-12-05&to=2016-12-11&outlet=afp&color=outlet", state.StepHref(TimeStep.Week));
    }

    [Fact]
    public void ARangeThatIsNoStepSaysSoAndOffersAllDates()
    {
        var state = StateFor(new DateOnly(2016, 12, 1), null);
        Assert.Equal(0, state.Position);
        Assert.True(state.IsOtherRange);
        var slider = RenderSlider(state);
        Assert.Equal("Dates set in the filter: from 1 Dec 2016", slider.Find("[data-time-slider-period]").TextContent);
        Assert.NotNull(slider.Find("a[data-time-slider-all]"));
    }

    [Fact]
    public async Task DraggingMovesTheLabelAndTheStepTakenMovesThePage()
    {
        const string fourthWeek = "http://localhost/map?from=2016-10-24&to=2016-10-30&outlet=afp&color=outlet";
        var slider = RenderSlider(StateFor(null, null));
        // Dragging across weeks (input events, which bubble to the wrapper): the label follows at once, the page stays.
        slider.Find("[data-time-slider-follow]").Input("3");
        slider.Find("[data-time-slider-follow]").Input("4");
        Assert.Equal("Week of 24–30 Oct 2016", slider.Find("[data-time-slider-period]").TextContent);
        Assert.Empty(Navigation.History);
        // The drag ends (the change event, which a key press also fires): the page follows at once, in place
        // (enhanced navigation, not a full load: the slider keeps its keyboard focus).
        var mud = slider.FindComponent<MudSlider<int>>();
        await slider.InvokeAsync(() => mud.Instance.ValueChanged.InvokeAsync(4));
        AssertWentInPlaceTo(fourthWeek);
    }

    [Fact]
    public async Task AStepBackToWhereThePageIsLoadsNothingAndBadValuesMoveNothing()
    {
        var slider = RenderSlider(StateFor(null, null));
        slider.Find("[data-time-slider-follow]").Input("not a number");
        slider.Find("[data-time-slider-follow]").Input("999");
        Assert.StartsWith("All dates", slider.Find("[data-time-slider-period]").TextContent);
        var mud = slider.FindComponent<MudSlider<int>>();
        await slider.InvokeAsync(() => mud.Instance.ValueChanged.InvokeAsync(0));
        Assert.Empty(Navigation.History);
    }

    [Fact]
    public void BeforeTheCircuitTheSliderIsShownDisabledAndTheLinksWork()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var slider = RenderSlider(StateFor(new DateOnly(2016, 12, 5), new DateOnly(2016, 12, 11)));
        var input = slider.Find("input[type=range]");
        Assert.True(input.HasAttribute("disabled"));
        Assert.Equal("Week of 5–11 Dec 2016", input.GetAttribute("aria-valuetext"));
        Assert.NotNull(slider.Find("a.time-slider-next"));
    }
}
