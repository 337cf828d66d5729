using System.Text;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Files.Feeds;
using AleppoDashboard.Ingest.Files.JsonLines;
using Microsoft.Extensions.Primitives;

namespace AleppoDashboard.Faults.Tests;

/// <summary>The inputs the fuzzing found failures with, each reduced to a minimal input, and what is expected now.</summary>
public class FuzzRegressionTests
{
    [Fact]
    public void AFilterValueWithALineBreakIsQuotedOnOneLine()
    {
        var parsed = FilterParser.Parse([KeyValuePair.Create("place", new StringValues("a\rb"))]);
        var error = Assert.Single(parsed.Errors);
        Assert.DoesNotContain('\r', error);
        Assert.Contains("a\\rb", error);
    }

    [Fact]
    public void AJsonStringWithALoneSurrogateEscapeRejectsThatRecordOnly()
    {
        var items = JsonLinesReader.Parse("x.jsonl", Encoding.UTF8.GetBytes("{\"headline\":\"\\ud800\",\"body\":\"Army takes Hanano.\"}\n{\"headline\":\"Fine\",\"body\":\"Army takes Sakhour.\"}"));
        Assert.Equal(2, items.Count);
        Assert.Contains("lone surrogate", items[0].Rejected);
        Assert.NotNull(items[1].Text);
    }

    [Fact]
    public void AJsonParserMessageQuotingACarriageReturnStaysOnOneLine()
    {
        var item = Assert.Single(JsonLinesReader.Parse("x.jsonl", Encoding.UTF8.GetBytes("a\rb")));
        Assert.NotNull(item.Rejected);
        Assert.DoesNotContain('\r', item.Rejected);
    }

    [Fact]
    public void AJsonRecordWhoseHtmlBodyHoldsNoTextIsRejected()
    {
        var item = Assert.Single(JsonLinesReader.Parse("x.jsonl", Encoding.UTF8.GetBytes("{\"maintext\":\"<x\"}")));
        Assert.Null(item.Text);
        Assert.Contains("no article text", item.Rejected);
    }

    [Fact]
    public void AnUnknownCharsetWithALineBreakIsQuotedOnOneLine()
    {
        var page = "<html><head><meta charset=\"x\r<p>y\"><title>Army takes Hanano</title></head><body><article><h1>Army takes Hanano</h1>" +
                   "<p>Government forces took control of Hanano on Sunday, a military source said, after days of heavy clashes in the east of the city.</p></article></body></html>";
        try
        {
            var text = Ingest.Files.Html.HtmlPageReader.Parse(Encoding.UTF8.GetBytes(page));
            Assert.All(text.Warnings, w => Assert.DoesNotContain('\r', w));
        }
        catch (FileRejectedException e)
        {
            Assert.DoesNotContain('\r', e.Message);
        }
    }

    [Fact]
    public void AnRssRootWithoutAVersionIsRejectedWithAReason()
    {
        var e = Assert.Throws<FileRejectedException>(() => FeedFileReader.Parse("x.rss", Encoding.UTF8.GetBytes("<rss></rss>")));
        Assert.Contains("not an RSS or Atom feed", e.Message);
    }

    [Fact]
    public void AnAtomEntryWithAnUnreadableDateIsLoadedWithoutADate()
    {
        var feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><entry><title>Army takes Hanano</title><id>urn:1</id>" +
                   "<updated>2016-13-45</updated><content type=\"text\">Government forces took Hanano.</content></entry></feed>";
        var item = Assert.Single(FeedFileReader.Parse("x.atom", Encoding.UTF8.GetBytes(feed)));
        Assert.NotNull(item.Text);
        Assert.Null(item.Text.Document!.Published);
        Assert.Contains(item.Text.Warnings, w => w.Contains("date that cannot be read"));
    }
}
