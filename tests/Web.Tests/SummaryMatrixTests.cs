using AleppoDashboard.Web.Interactive;
using Bunit;

namespace AleppoDashboard.Web.Tests;

public class SummaryMatrixTests : InteractiveComponentTests
{
    static readonly SummaryMatrixState State = new(
        [new("reuters-syndicated", "Reuters (syndicated)"), new("tasnim-news-agency", "Tasnim News Agency")],
        [new("place:sukkari", "Sukkari", "place-sukkari", [12, 0], ["place-sukkari--reuters-syndicated", "place-sukkari--tasnim-news-agency"], "12 sentences"),
         new("claims", "Control claims", "claims", [3, 5], ["claims--reuters-syndicated", "claims--tasnim-news-agency"], "8 sentences")],
        "/compare?outlet=reuters-syndicated&outlet=tasnim-news-agency", null, false);

    [Fact]
    public async Task ClickingACountSelectsItsCellInPlace()
    {
        var matrix = Render<SummaryMatrix>(p => p.Add(m => m.State, State));
        Assert.Equal("true", matrix.Find("table.summary-matrix").GetAttribute("data-interactive"));

        await matrix.Find("tr[data-summary-topic=claims] td[data-outlet=tasnim-news-agency] a").ClickAsync(new());
        AssertWentInPlaceTo("http://localhost/compare?outlet=reuters-syndicated&outlet=tasnim-news-agency&cell=claims--tasnim-news-agency");
    }

    [Fact]
    public void TheSelectedCellIsMarkedAndAnEmptyCellHasNoLink()
    {
        var matrix = Render<SummaryMatrix>(p => p.Add(m => m.State, State with { Selected = "claims--tasnim-news-agency" }));
        var selected = matrix.Find("td.is-selected");
        Assert.Equal("tasnim-news-agency", selected.GetAttribute("data-outlet"));
        Assert.Equal("true", selected.QuerySelector("a")!.GetAttribute("aria-current"));
        Assert.Contains("heat-4", selected.ClassList);
        Assert.Single(matrix.FindAll("td.is-selected"));
        var empty = matrix.Find("tr[data-summary-topic='place:sukkari'] td[data-outlet=tasnim-news-agency]");
        Assert.Null(empty.QuerySelector("a"));
        Assert.Equal("5 sentences by Tasnim News Agency on Control claims", selected.QuerySelector("a")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void ATopicNamedWithMarkupStaysText()
    {
        var hostile = State with { Rows = [State.Rows[0] with { Label = "<img src=x onerror=alert(1)>" }] };
        var matrix = Render<SummaryMatrix>(p => p.Add(m => m.State, hostile));
        Assert.Empty(matrix.FindAll("img"));
        Assert.Equal("<img src=x onerror=alert(1)>", matrix.Find("th.summary-topic a").TextContent);
    }
}
