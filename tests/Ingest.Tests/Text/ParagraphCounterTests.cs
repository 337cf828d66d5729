using AleppoDashboard.Data.Articles;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.Ingest.Text;

namespace AleppoDashboard.Ingest.Tests.Text;

public class ParagraphCounterTests
{
    [Fact]
    public void EachNonEmptyLineIsAParagraphAndBlankLinesAreNot()
    {
        const string body = "First para. Still first.\n\n  \nSecond para.\nThird, on the next line.\n\n\nFourth.";
        var counter = new ParagraphCounter(body);
        Assert.Equal(1, counter.At(0));
        Assert.Equal(1, counter.At(body.IndexOf("Still", StringComparison.Ordinal)));
        Assert.Equal(2, counter.At(body.IndexOf("Second", StringComparison.Ordinal)));
        Assert.Equal(3, counter.At(body.IndexOf("Third", StringComparison.Ordinal)));
        Assert.Equal(4, counter.At(body.IndexOf("Fourth", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnArticlesSentencesCarryTheirParagraphAndTheHeadlineIsZero()
    {
        var article = new Article
        {
            Headline = "Army advances",
            Body = "BEIRUT - The army advanced. Rebels withdrew.\n\nA source said it went to plan.",
            SourceFile = "x.txt",
            ContentHash = "h",
        };
        var sentences = ArticleBuilder.SentencesOf(article);
        Assert.Equal([0, 1, 1, 2], sentences.Select(s => s.Paragraph));
        Assert.Equal("A source said it went to plan.", sentences[3].Text);
    }
}
