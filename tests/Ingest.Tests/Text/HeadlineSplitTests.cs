using System.Text;
using AleppoDashboard.Ingest.Files;

namespace AleppoDashboard.Ingest.Tests.Text;

/// <summary>How <see cref="ArticleFileReader.Parse"/> cuts a text into headline and body.</summary>
public class HeadlineSplitTests
{
    static LoadedText Parse(string text) => ArticleFileReader.Parse(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("Headline\nBody one.\n\nBody two.", "Headline", "Body one.\n\nBody two.")]
    [InlineData("\n \n  Headline  \n\n  Body.  \n", "Headline", "Body.")]
    [InlineData("Only a headline", "Only a headline", "")]
    [InlineData("Headline\r\nBody\r\nmore", "Headline", "Body\nmore")]
    [InlineData("Latest developmentsMiddle EastOthersWorld News\nThe headline\nThe body.", "The headline", "The body.")]
    [InlineData("HomeNewsWorldMiddle EastSyria\nLatest developmentsMiddle EastOthers\nThe headline\nBody.", "The headline", "Body.")]
    [InlineData("HomeNewsWorldMiddle EastSyria\n\nThe headline", "The headline", "")]
    [InlineData("Syria: developmentsMiddle EastOthers\nBody.", "Syria: developmentsMiddle EastOthers", "Body.")]
    [InlineData("Headline\n \n\t\n", "Headline", "")]
    [InlineData("\u00A0Headline\nBody.\u00A0\n", "Headline", "Body.")]
    [InlineData("Headline\n\n\n   Body after blank lines.   ", "Headline", "Body after blank lines.")]
    public void TakesTheFirstLineThatIsNotNavigationAsTheHeadline(string text, string headline, string body)
    {
        var loaded = Parse(text);
        Assert.Equal(headline, loaded.Headline);
        Assert.Equal(body, loaded.Body);
    }

    [Fact]
    public void KeepsAnOverlongFirstLineAsBody()
    {
        var line = string.Join(' ', Enumerable.Repeat("word", 120));
        var loaded = Parse(line + "\nSecond line.");
        Assert.EndsWith(" …", loaded.Headline);
        Assert.Equal(line + "\nSecond line.", loaded.Body);
        Assert.Contains(loaded.Warnings, w => w.Contains("too long for a headline"));
    }

    [Fact]
    public void KeepsAnOverlongFirstLineAfterBlankLinesAsBodyWithoutTheBlankLines()
    {
        var line = string.Join(' ', Enumerable.Repeat("word", 120));
        var loaded = Parse("\n  \n  " + line + "\nSecond line.  \n");
        Assert.Equal(line + "\nSecond line.", loaded.Body);
    }

    [Fact]
    public void SaysWhichNavigationLineWasSkipped()
    {
        var loaded = Parse("  Latest developmentsMiddle EastOthers  \nThe headline\nBody.");
        Assert.Equal(["The first line \"Latest developmentsMiddle EastOthers\" looks like site navigation (words run together), so the next line is taken as the headline."], loaded.Warnings);
    }
}
