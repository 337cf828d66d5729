using AleppoDashboard.Data.Views.Compare;
using AleppoDashboard.Web.Views.Compare;
using Bunit;

namespace AleppoDashboard.Web.Tests;

public class FramingMatrixTests : BunitContext
{
    static readonly CompareColumn[] Columns =
    [
        new("reuters-syndicated", "Reuters", 1, null, null, 1000),
        new("tasnim-news-agency", "Tasnim", 1, null, null, 1000),
    ];

    [Fact]
    public void AUsedTermIsAShadedLinkToItsCellAndAnUnusedOneIsVisiblyEmpty()
    {
        var rows = new List<FramingMatrixRow>
        {
            new("rebels", "rebels", "fighters", "How the armed opposition is named", "rebels|rebel",
                new Dictionary<string, FramingCell> { ["reuters-syndicated"] = new(11, 2, 11.0) }),
        };
        var matrix = Render<FramingMatrix>(p => p.Add(m => m.Columns, Columns).Add(m => m.Rows, rows).Add(m => m.Filter, Data.Filtering.DashboardFilter.None));

        var used = matrix.Find("tr[data-term=rebels] td[data-outlet=reuters-syndicated]");
        Assert.Contains("heat-5", used.ClassList);
        Assert.Equal("/compare?outlet=reuters-syndicated&term=rebels#term-rebels--reuters-syndicated", used.QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("11.0 (11)", used.TextContent.Trim());
        Assert.Equal("2 shared", used.QuerySelector(".tag")!.TextContent);

        var unused = matrix.Find("tr[data-term=rebels] td[data-outlet=tasnim-news-agency]");
        Assert.Contains("is-empty", unused.ClassList);
        Assert.Equal("0", unused.GetAttribute("data-hits"));
        Assert.DoesNotContain("0", unused.TextContent);
        Assert.Equal("not used", unused.QuerySelector(".visually-hidden")!.TextContent);
    }
}
