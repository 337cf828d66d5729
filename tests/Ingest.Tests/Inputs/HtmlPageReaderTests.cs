using AleppoDashboard.TestSupport;
using System.Text;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Files.Html;

namespace AleppoDashboard.Ingest.Tests.Inputs;

public class HtmlPageReaderTests
{
    static LoadedText Read(string html) => HtmlPageReader.Parse(Encoding.UTF8.GetBytes(html));

    [Fact]
    public void ANewsPageWithJsonLdGivesItsArticleWithoutTheSiteAround()
    {
        var page = Read(TestPages.JsonLdPage);

        Assert.Equal("Forces push into Sukkari as shelling intensifies", page.Headline);
        Assert.Contains(TestPages.ArticleText1, page.Body);
        Assert.Contains(TestPages.ArticleText3, page.Body);
        foreach (var boilerplate in new[] { "Share on Facebook", "Related stories", "Great article", "All rights reserved", "Smoke rises", "READ MORE", "Middle East", "By Jane Reporter" })
        {
            Assert.DoesNotContain(boilerplate, page.Body);
        }
        var doc = page.Document!;
        Assert.Equal(new DateOnly(2016, 12, 9), doc.Published!.Value.Date);
        Assert.Equal("JSON-LD datePublished", doc.Published.From);
        Assert.Equal("JSON-LD headline", doc.Headline!.From);
        Assert.Equal("The Example Daily", doc.Outlet!.Value);
        Assert.Equal("https://www.example-daily.com/world/forces-push-into-sukkari", doc.Url!.Value);
        Assert.Equal("Jane Reporter", doc.Author!.Value);
        Assert.Equal("en", doc.Language!.Value);
    }

    [Fact]
    public void APageWithMetaTagsOnlyGivesItsMetadataFromThem()
    {
        var doc = Read(TestPages.MetaTagsPage).Document!;

        Assert.Equal(("Aleppo residents flee west", "og:title"), (doc.Headline!.Value, doc.Headline.From));
        Assert.Equal(("Tasnim News Agency", "og:site_name"), (doc.Outlet!.Value, doc.Outlet.From));
        Assert.Equal((new DateOnly(2016, 12, 8), "article:published_time", false), (doc.Published!.Value.Date, doc.Published.From, doc.Published.Guessed));
        Assert.Equal("og:url", doc.Url!.From);
        Assert.Equal("Staff writer", doc.Author!.Value);
    }

    [Fact]
    public void APageDatedOnlyInItsUrlGetsThatDateAsAGuess()
    {
        var doc = Read(TestPages.UrlDatedPage).Document!;

        Assert.Equal(new DateOnly(2016, 12, 7), doc.Published!.Value.Date);
        Assert.True(doc.Published.Guessed);
        Assert.Equal("the URL's date", doc.Published.From);
        Assert.Null(doc.Outlet);
    }

    [Fact]
    public void AnArabicPageSavedAsWindows1256IsDecodedRight()
    {
        var page = HtmlPageReader.Parse(TestPages.ArabicWindows1256Page());

        Assert.Equal(TestPages.ArabicHeadline, page.Headline);
        Assert.Contains(TestPages.ArabicParagraph, page.Body);
        Assert.DoesNotContain('\uFFFD', page.Body);
    }

    [Fact]
    public void AHomePageIsRejectedWithAReason()
    {
        var e = Assert.Throws<FileRejectedException>(() => Read(TestPages.HomePage));

        Assert.Contains("no article", e.Message);
        Assert.Contains("front page", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ALoginWallIsRejectedAsOne()
    {
        const string wall = """
            <html><head><title>Sign in to continue reading</title></head><body><form><input type="email"><input type="password"><button>Log in</button></form>
            <p>Subscribe for unlimited access.</p></body></html>
            """;
        var e = Assert.Throws<FileRejectedException>(() => Read(wall));

        Assert.Contains("login or subscription wall", e.Message);
    }

    [Theory]
    [InlineData("https://example.com/2016/12/09/story", 2016, 12, 9, DatePrecision.Day)]
    [InlineData("https://example.com/news/2016-12-09-story.html", 2016, 12, 9, DatePrecision.Day)]
    [InlineData("https://example.com/news/20161209/story", 2016, 12, 9, DatePrecision.Day)]
    [InlineData("https://example.com/2016/12/story", 2016, 12, 1, DatePrecision.Month)]
    public void DatesAreReadFromTheUsualUrlPatterns(string url, int y, int m, int d, DatePrecision precision)
    {
        var found = PageMetadataReader.DateFromUrl(url)!;

        Assert.Equal((new DateOnly(y, m, d), precision), (found.Value.Date, found.Value.Precision));
    }

    [Fact]
    public void MalformedHtmlIsRepairedAsBrowsersDo()
    {
        var page = Read("<html><head><title>t</title><meta property='og:type' content='article'><body><div class=story><h1>Broken page</h1><p>" + TestPages.ArticleText1 + "<p>" + TestPages.ArticleText2 + "<p><b>" + TestPages.ArticleText3 + "</div>");

        Assert.Contains(TestPages.ArticleText3, page.Body);
        Assert.Equal("Broken page", page.Headline);
    }
}
