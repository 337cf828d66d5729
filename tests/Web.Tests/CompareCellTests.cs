using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Views.Compare;
using AleppoDashboard.Web.Views.Compare;
using Bunit;

namespace AleppoDashboard.Web.Tests;

public class CompareCellTests : BunitContext
{
    static readonly CompareColumn Reuters = new("reuters-syndicated", "Reuters", 1, null, null, 500);

    static CompareSentence Sentence(int paragraph, DateOnly? published = null, SentenceOrigin? origin = null) =>
        new(41, 2, 7, "reuters-syndicated", published ?? new DateOnly(2016, 12, 9), DatePrecision.Day, "The advance is going according to plan.", [], [], 0, paragraph)
        { Origin = origin };

    [Fact]
    public void CitesTheSentenceByOutletDateAndParagraphAndLinksToIt()
    {
        var cell = Render<CompareCell>(p => p.Add(c => c.Outlet, Reuters).Add(c => c.Sentences, [Sentence(3)]).Add(c => c.Count, 1)
            .Add(c => c.Filter, DashboardFilter.None with { Text = "plan" }));

        var link = cell.Find("a.sentence-link");
        Assert.Equal("Reuters, 9 Dec 2016, paragraph 3", link.TextContent);
        Assert.Equal("/articles/2?q=plan#s7", link.GetAttribute("href"));
    }

    [Fact]
    public void AHeadlineIsCitedAsTheHeadline()
    {
        var cell = Render<CompareCell>(p => p.Add(c => c.Outlet, Reuters).Add(c => c.Sentences, [Sentence(0)]).Add(c => c.Count, 1));
        Assert.Equal("Reuters, 9 Dec 2016, headline", cell.Find("a.sentence-link").TextContent);
    }

    [Fact]
    public void CountingOriginsMarksASentenceThatStandsForCopiesInOtherOutlets()
    {
        var cell = Render<CompareCell>(p => p.Add(c => c.Outlet, Reuters).Add(c => c.Sentences, [Sentence(3, origin: new SentenceOrigin(12, 3, 2))])
            .Add(c => c.Count, 1).Add(c => c.Origins, true));
        Assert.Equal("one origin: 3 copies by 2 outlets", cell.Find(".origin-badge").TextContent);

        var copies = Render<CompareCell>(p => p.Add(c => c.Outlet, Reuters).Add(c => c.Sentences, [Sentence(3, origin: new SentenceOrigin(12, 3, 2))])
            .Add(c => c.Count, 1));
        Assert.Empty(copies.FindAll(".origin-badge"));
    }

    [Fact]
    public void AnOutletThatWroteNothingGetsOneLineSayingSo()
    {
        var cell = Render<CompareCell>(p => p.Add(c => c.Outlet, Reuters).Add(c => c.Sentences, []).Add(c => c.Count, 0));
        Assert.Equal("Reuters said nothing on this in the filtered articles.", cell.Find("p.compare-empty").TextContent);
    }
}
