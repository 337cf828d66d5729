using AleppoDashboard.TestSupport;
using System.Text;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Files.Feeds;
using AleppoDashboard.Ingest.Files.JsonLines;

namespace AleppoDashboard.Ingest.Tests.Inputs;

public class FeedAndJsonLinesTests
{
    [Fact]
    public void AFeedItemWithFullContentLoadsAndASummaryOnlyItemIsReported()
    {
        var items = FeedFileReader.Parse("feed.rss", Encoding.UTF8.GetBytes(TestPages.Feed));

        Assert.Equal(2, items.Count);
        var full = items[0];
        Assert.Equal("feed.rss#https://www.brecorder.com/news/333", full.Key);
        Assert.Equal("Syrian army retakes old city of Aleppo", full.Text!.Headline);
        Assert.Contains("85 percent of east Aleppo", full.Text.Body);
        Assert.DoesNotContain("<p>", full.Text.Body);
        Assert.Equal(new DateOnly(2016, 12, 8), full.Text.Document!.Published!.Value.Date);
        Assert.Equal("Business Recorder", full.Text.Document.Outlet!.Value);
        Assert.Null(items[1].Text);
        Assert.Contains("only a summary", items[1].Rejected);
        Assert.Contains("Markets close higher", items[1].Rejected);
    }

    [Fact]
    public void AnAtomEntryWithContentLoads()
    {
        const string atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Middle East Observer</title><id>urn:meo</id><updated>2016-12-10T00:00:00Z</updated>
              <entry><title>Shelling resumes</title><id>urn:meo:1</id><updated>2016-12-10T06:00:00Z</updated><published>2016-12-10T05:00:00Z</published>
                <link href="https://www.middleeastobserver.org/2016/12/10/shelling"/><content type="html">&lt;p&gt;Shelling resumed on the east of the city at dawn, residents said.&lt;/p&gt;</content></entry>
            </feed>
            """;
        var item = Assert.Single(FeedFileReader.Parse("meo.atom", Encoding.UTF8.GetBytes(atom)));

        Assert.Equal("Shelling resumed on the east of the city at dawn, residents said.", item.Text!.Body);
        Assert.Equal(new DateOnly(2016, 12, 10), item.Text.Document!.Published!.Value.Date);
    }

    [Fact]
    public void NotAFeedIsRejected()
    {
        var e = Assert.Throws<FileRejectedException>(() => FeedFileReader.Parse("notes.xml", Encoding.UTF8.GetBytes("<notes><note>hi</note></notes>")));

        Assert.Contains("not an RSS or Atom feed", e.Message);
    }

    [Fact]
    public void JsonLinesLoadBothShapesAndReportABadLineByNumber()
    {
        var items = JsonLinesReader.Parse("export.jsonl", Encoding.UTF8.GetBytes(TestPages.JsonLines));

        Assert.Equal(3, items.Count);
        var newsPlease = items[0].Text!;
        Assert.Equal("East Aleppo shrinks", newsPlease.Headline);
        Assert.Equal(new DateOnly(2016, 12, 10), newsPlease.Document!.Published!.Value.Date);
        Assert.Equal("the news-please field 'date_publish'", newsPlease.Document.Published.From);
        Assert.True(newsPlease.Document.Outlet!.Guessed);
        Assert.Equal("export.jsonl#2", items[1].Key);
        Assert.StartsWith("line 2 is not valid JSON", items[1].Rejected);
        var plain = items[2].Text!;
        Assert.Equal(("Evacuation deal reached", "Syria Truths"), (plain.Headline, plain.Document!.Outlet!.Value));
        Assert.Equal("export.jsonl#3", items[2].Key);
    }

    [Fact]
    public void AJsonArrayLoadsEachObjectAndReportsOneWithoutText()
    {
        const string json = """[{"headline":"One","body":"The first article's text."},{"headline":"Two"}]""";
        var items = JsonLinesReader.Parse("export.json", Encoding.UTF8.GetBytes(json));

        Assert.Equal("The first article's text.", items[0].Text!.Body);
        Assert.Contains("no article text", items[1].Rejected);
    }
}
