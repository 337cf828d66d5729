using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Views.Articles;
using AleppoDashboard.Web.Components.Shared;
using AleppoDashboard.Web.Views.Articles;
using Bunit;

namespace AleppoDashboard.Web.Tests;

public class ArticleTableTests : BunitContext
{
    static ArticleRow Row(int id, string headline, DateOnly? published = null, DatePrecision precision = DatePrecision.Day) =>
        new(id, "afp", "AFP", published, precision, headline, null, $"{id}.txt", 120, "hash");

    [Fact]
    public void ListsEachArticleWithALinkToIt()
    {
        var table = Render<ArticleTable>(p => p.Add(t => t.Rows, [Row(7, "Army advances", new DateOnly(2016, 12, 9)), Row(8, "Rebels retreat")]));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        var link = rows[0].QuerySelector("a[href='/articles/7']")!;
        Assert.Equal("Army advances", link.TextContent);
        Assert.Equal("9 Dec 2016", rows[0].QuerySelector("time")!.TextContent);
        Assert.Equal("undated", rows[1].QuerySelectorAll("td")[0].TextContent.Trim());
    }

    [Fact]
    public void WritesAMonthOnlyDateAsAMonth()
    {
        var table = Render<ArticleTable>(p => p.Add(t => t.Rows, [Row(1, "x", new DateOnly(2016, 12, 1), DatePrecision.Month)]));
        Assert.Equal("Dec 2016 (month only)", table.Find("time").TextContent);
        Assert.Equal("2016-12", table.Find("time").GetAttribute("datetime"));
    }

    [Fact]
    public void SaysSoWhenNothingMatches()
    {
        var table = Render<ArticleTable>(p => p.Add(t => t.Rows, []));
        Assert.Empty(table.FindAll("table"));
        Assert.Contains("No articles match", table.Find("[role=status]").TextContent);
    }

    [Fact]
    public void RendersHostileHeadlinesAsText()
    {
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var table = Render<ArticleTable>(p => p.Add(t => t.Rows, [Row(1, hostile)]));
        Assert.Empty(table.FindAll("script"));
        Assert.Empty(table.FindAll("img"));
        Assert.Equal(hostile, table.Find("tbody a[href='/articles/1']").TextContent);
    }
}

public class ArticleTableSearchTests : BunitContext
{
    [Fact]
    public void ShowsTheMatchingSentenceWithTheSearchWordsMarkedAndLinked()
    {
        var row = new ArticleRow(3, "afp", "AFP", null, DatePrecision.None, "Headline", null, "3.txt", 10, "h");
        var table = Render<ArticleTable>(p => p
            .Add(t => t.Rows, [row])
            .Add(t => t.Snippets, new Dictionary<int, SearchSnippet> { [3] = new(3, 5, "Troops entered the Sukkari district.") })
            .Add(t => t.SearchText, "sukkari"));

        Assert.Equal("/articles/3#s5", table.Find("a[href^='/articles/3#']").GetAttribute("href"));
        Assert.Equal("Sukkari", table.Find("mark").TextContent);
    }
}

public class ArticleTableFilterLinkTests : BunitContext
{
    static ArticleRow Row(int id) => new(id, "afp", "AFP", new DateOnly(2016, 12, 9), DatePrecision.Day, "Army advances", null, $"{id}.txt", 120, "hash");

    [Fact]
    public void EveryLinkOutOfAFilteredListCarriesTheFilter()
    {
        var filter = new DashboardFilter(new DateOnly(2016, 12, 1), null, ["tasnim-news-agency"], [], null);
        var table = Render<ArticleTable>(p => p.Add(t => t.Rows, [Row(7)]).Add(t => t.Filter, filter));

        Assert.NotNull(table.Find("a[href='/articles/7?from=2016-12-01&outlet=tasnim-news-agency']"));
        // The outlet link narrows the filter to that outlet and keeps the dates.
        Assert.NotNull(table.Find("a[href='/articles?from=2016-12-01&outlet=afp']"));
        Assert.DoesNotContain("to=", table.Markup);
        Assert.DoesNotContain("q=", table.Markup);
    }
}
