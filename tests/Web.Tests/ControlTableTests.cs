using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Views.Control;
using AleppoDashboard.Web.Views.Control;
using Bunit;

namespace AleppoDashboard.Web.Tests;

public class ControlTableTests : BunitContext
{
    const string ReutersSentence = "The Syrian army and its allies had recaptured 32 of east Aleppo's 40 neighbourhoods, about 85% of the area, he said.";

    static ControlClaimRow Claim(int id, DateOnly? published, DatePrecision precision, double value, string kind, string hedge,
        string sentence, string matched, int? count = null, int? of = null, int articleId = 2, int sentenceIndex = 8) =>
        new(id, articleId, "reuters-syndicated", "Reuters (syndicated)", published, precision, value, ClaimKinds.Parse(kind), "east", count, of,
            ClaimHedges.Parse(hedge), "a Syrian military source", sentence, sentenceIndex, sentence.IndexOf(matched, StringComparison.Ordinal), matched.Length, matched);

    IRenderedComponent<ControlTable> RenderTable(params ControlClaimRow[] rows) =>
        Render<ControlTable>(p => p.Add(t => t.Rows, rows).Add(t => t.ScopeLabel, "east Aleppo").Add(t => t.Caption, "Claims about east Aleppo"));

    [Fact]
    public void RendersOneRowPerClaimInTheGivenOrderWithItsColumns()
    {
        var table = RenderTable(
            Claim(7, new DateOnly(2016, 12, 9), DatePrecision.Day, 80, "neighbourhood_count", "exact", ReutersSentence, "32 of east Aleppo", 32, 40),
            Claim(3, new DateOnly(2016, 12, 9), DatePrecision.Day, 85, "area", "about", ReutersSentence, "about 85% of the area"));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(["7", "3"], rows.Select(r => r.GetAttribute("data-claim")));
        var cells = rows[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("9 Dec 2016", cells[0]);
        Assert.Equal("Reuters (syndicated)", cells[1]);
        Assert.Contains("80%", cells[2]);
        Assert.Contains("32 of 40", cells[2]);
        Assert.Equal("neighbourhood count", cells[3]);
        Assert.Equal("east Aleppo", cells[4]);
        Assert.Equal("exact", cells[5]);
        Assert.Equal("a Syrian military source", cells[6]);
        Assert.Equal("about", rows[1].QuerySelectorAll("td")[5].TextContent.Trim());
        Assert.Equal("area share", rows[1].QuerySelectorAll("td")[3].TextContent.Trim());
        Assert.Equal("Claims about east Aleppo", table.Find("caption").TextContent);
    }

    [Fact]
    public void HighlightsOnlyTheClaimSpanOfTheSentenceAndLinksToIt()
    {
        var table = RenderTable(Claim(3, new DateOnly(2016, 12, 9), DatePrecision.Day, 85, "area", "about", ReutersSentence, "about 85% of the area", articleId: 12, sentenceIndex: 8));

        var mark = table.Find("tbody mark.fact-claim");
        Assert.Equal("about 85% of the area", mark.TextContent);
        Assert.Contains("85% of east Aleppo", mark.GetAttribute("title"));
        var sentenceCell = table.FindAll("tbody td")[7];
        Assert.StartsWith(ReutersSentence, sentenceCell.TextContent.Trim());
        Assert.Equal("/articles/12#s8", sentenceCell.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void MarksMonthOnlyAndUndatedClaimsAsNotPlotted()
    {
        var table = RenderTable(
            Claim(1, new DateOnly(2016, 12, 9), DatePrecision.Day, 85, "area", "over", ReutersSentence, "about 85% of the area"),
            Claim(2, new DateOnly(2016, 12, 1), DatePrecision.Month, 85, "area", "over", ReutersSentence, "about 85% of the area"),
            Claim(4, null, DatePrecision.None, 85, "area", "over", ReutersSentence, "about 85% of the area"));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(["true", "false", "false"], rows.Select(r => r.GetAttribute("data-plotted")));
        Assert.Empty(rows[0].QuerySelectorAll(".not-plotted"));
        Assert.Contains("Dec 2016 (month only)", rows[1].TextContent);
        Assert.Contains("dated only to the month", rows[1].QuerySelector(".not-plotted")!.TextContent);
        Assert.Contains("undated", rows[2].QuerySelector("td")!.TextContent);
        Assert.Contains("the article is undated", rows[2].QuerySelector(".not-plotted")!.TextContent);
    }

    [Fact]
    public void RendersMarkupInTheSentenceAsText()
    {
        const string hostile = "<img src=x onerror=alert(1)> Troops hold 90% of the east.";
        var table = RenderTable(Claim(9, new DateOnly(2016, 12, 12), DatePrecision.Day, 90, "area", "exact", hostile, "90% of the east"));

        Assert.Empty(table.FindAll("tbody img"));
        Assert.Contains("<img src=x onerror=alert(1)>", table.FindAll("tbody td")[7].TextContent);
    }

    [Fact]
    public void RendersAnEmptyBodyForNoClaims()
    {
        var table = RenderTable();
        Assert.Empty(table.FindAll("tbody tr"));
    }
}
