using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Web.Components.Shared;
using AleppoDashboard.Web.Filtering;

namespace AleppoDashboard.Web.Tests;

public class FilterLinksTests
{
    [Fact]
    public void AnArticleLinkCarriesTheFilterBeforeTheSentenceAnchor()
    {
        var filter = new DashboardFilter(new DateOnly(2016, 12, 1), null, ["tasnim-news-agency"], [], "");
        Assert.Equal("/articles/3?from=2016-12-01&outlet=tasnim-news-agency#s4", FilterLinks.Article(3, filter, 4));
        Assert.Equal("/articles/3", FilterLinks.Article(3, DashboardFilter.None));
        Assert.Equal("/articles/3#s0", SentenceLinks.Of(3, 0));
    }

    [Fact]
    public void EmptyParametersAreLeftOut()
    {
        var query = new Microsoft.AspNetCore.Http.QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["from"] = "2016-12-01", ["to"] = "", ["q"] = "", ["outlet"] = new(["afp", ""]),
        });
        Assert.Equal("?from=2016-12-01&outlet=afp", FilterLinks.FilterQueryOf(query));
    }

    [Theory]
    [InlineData(0, "0 articles")]
    [InlineData(1, "1 article")]
    [InlineData(1234, "1,234 articles")]
    public void CountsAgreeWithTheirNoun(int count, string expected) => Assert.Equal(expected, Counted.Of(count, "article"));
}
