using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Views.Compare;
using AleppoDashboard.Web.Views.Compare;
using Bunit;

namespace AleppoDashboard.Web.Tests;

/// <summary>The summary matrix as the page is first sent (interactive once its circuit is up: SummaryMatrixTests).</summary>
public class CompareSummaryTests : PrerenderedComponentTests
{
    static readonly CompareColumn Reuters = new("reuters-syndicated", "Reuters (syndicated)", 1, null, null, 500);
    static readonly CompareColumn Tasnim = new("tasnim-news-agency", "Tasnim News Agency", 1, null, null, 400);

    static CompareRow Row(CompareTopic topic, params (string Outlet, int Count)[] counts) =>
        new(topic, new Dictionary<string, IReadOnlyList<CompareSentence>>(), counts.ToDictionary(c => c.Outlet, c => c.Count));

    [Fact]
    public void EachCountLinksToItsCellAndAnEmptyCellIsADashNotAZero()
    {
        var sukkari = new CompareTopic(CompareTopicKind.Place, "sukkari", "Sukkari");
        var summary = Render<CompareSummary>(p => p
            .Add(s => s.Columns, [Reuters, Tasnim])
            .Add(s => s.Rows, [Row(sukkari, ("reuters-syndicated", 12))])
            .Add(s => s.PageHref, "/compare?place=sukkari"));

        var cells = summary.FindAll("tr[data-summary-topic='place:sukkari'] td.summary-cell");
        // A count selects its cell: the page with cell=, whose sentences show under the matrix.
        Assert.Equal("/compare?place=sukkari&cell=place-sukkari--reuters-syndicated#compare-selected", cells[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("12", cells[0].TextContent.Trim());
        Assert.Equal("12 sentences by Reuters (syndicated) on Sukkari", cells[0].QuerySelector("a")!.GetAttribute("aria-label"));
        Assert.Contains("heat-5", cells[0].ClassList);

        Assert.Contains("is-empty", cells[1].ClassList);
        Assert.Null(cells[1].QuerySelector("a"));
        Assert.DoesNotContain("0", cells[1].TextContent);
        Assert.Equal("–", cells[1].QuerySelector("[aria-hidden=true]")!.TextContent);
        Assert.Equal("none", cells[1].QuerySelector(".visually-hidden")!.TextContent);
        Assert.Equal("/compare?place=sukkari#place-sukkari", summary.Find("th.summary-topic a").GetAttribute("href"));
        Assert.Equal("12 sentences", summary.Find("td.summary-all").TextContent);
    }

    [Fact]
    public void ShadesGrowWithTheCountAndCountingOriginsSaysSo()
    {
        var claims = new CompareTopic(CompareTopicKind.Claims, null, "Control claims");
        var summary = Render<CompareSummary>(p => p
            .Add(s => s.Columns, [Reuters, Tasnim])
            .Add(s => s.Rows, [Row(claims, ("reuters-syndicated", 1), ("tasnim-news-agency", 25)) with { Origins = 20, Sentences = 30 }])
            .Add(s => s.Filter, DashboardFilter.None with { CountOrigins = true }));

        var cells = summary.FindAll("td.summary-cell");
        Assert.Contains("heat-1", cells[0].ClassList);
        Assert.Contains("heat-5", cells[1].ClassList);
        Assert.Equal("25 origins by Tasnim News Agency on Control claims", cells[1].QuerySelector("a")!.GetAttribute("aria-label"));
        Assert.Equal("20 origins of 30 sentences", summary.Find("td.summary-all").TextContent);
        Assert.StartsWith("Origins per outlet", summary.Find("p").TextContent.Trim());
    }

    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(10, 10, 5)]
    [InlineData(1, 100, 1)]
    [InlineData(25, 100, 3)]
    [InlineData(5, 0, 0)]
    public void HeatLevelIsTheSquareRootStepOfTheShareOfTheLargest(double value, double max, int level) =>
        Assert.Equal(level, HeatScale.Level(value, max));
}
