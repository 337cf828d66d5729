using System.Text;
using AleppoDashboard.Ingest.Loading;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Loading;

/// <summary>Each bad file gets a one-line reason, the rest of the batch still loads, and nothing half-written remains.</summary>
public class BadInputTests
{
    const string Good = "Good headline\n\nA good body sentence about Aleppo.";

    [Theory]
    [InlineData("empty.txt", new byte[0], "empty")]
    [InlineData("spaces.txt", new byte[] { 32, 10, 9, 13, 10 }, "whitespace")]
    [InlineData("image.txt", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "PNG")]
    [InlineData("latin1.txt", new byte[] { 0x41, 0x6C, 0x65, 0x70, 0x70, 0x6F, 0xE9, 0x20, 0x6E, 0x65, 0x77, 0x73 }, "not valid UTF-8")]
    [InlineData("page.txt", new byte[] { 0x3C, 0x21, 0x44, 0x4F, 0x43, 0x54, 0x59, 0x50, 0x45, 0x20, 0x68, 0x74, 0x6D, 0x6C, 0x3E }, "HTML")]
    public async Task RejectsTheFileWithAReasonAndLoadsTheRest(string name, byte[] bytes, string reason)
    {
        using var harness = new IngestHarness();
        harness.Write("good.txt", Good);
        harness.WriteBytes(name, bytes);

        var report = await harness.IngestAsync();

        var rejected = Assert.Single(report.Files, f => f.Status == FileStatus.Rejected);
        Assert.Equal(name, rejected.File);
        var message = Assert.Single(rejected.Messages);
        Assert.Contains(reason, message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', message);
        await using var db = harness.Db();
        Assert.Equal(["good.txt"], await db.Articles.Select(a => a.SourceFile).ToListAsync());
        Assert.Equal(0, await db.Sentences.CountAsync(s => s.Article.SourceFile == name));
    }

    [Fact]
    public async Task RejectsAFileOverTheSizeLimit()
    {
        using var harness = new IngestHarness();
        harness.Write("huge.txt", "Headline\n" + new string('x', 300_000));
        harness.Write("good.txt", Good);

        var report = await harness.IngestAsync(maxFileBytes: 100_000);

        Assert.Contains("too large", Assert.Single(report.Files, f => f.Status == FileStatus.Rejected).Messages[0]);
        Assert.Equal(1, report.Count(FileStatus.Added));
    }

    [Fact]
    public async Task LoadsUtf16WithAByteOrderMarkWithAWarning()
    {
        using var harness = new IngestHarness();
        harness.WriteBytes("utf16.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("حلب Aleppo headline\n\nBody text.")).ToArray());

        var report = await harness.IngestAsync();

        var outcome = Assert.Single(report.Files);
        Assert.Equal(FileStatus.Added, outcome.Status);
        Assert.Contains(outcome.Messages, m => m.Contains("UTF-16"));
        await using var db = harness.Db();
        Assert.Equal("حلب Aleppo headline", (await db.Articles.SingleAsync()).Headline);
    }

    [Fact]
    public async Task LoadsAHeadlineOnlyFileWithAWarning()
    {
        using var harness = new IngestHarness();
        harness.Write("headline.txt", "Only a headline here\n");

        var outcome = Assert.Single((await harness.IngestAsync()).Files);

        Assert.Equal(FileStatus.Added, outcome.Status);
        Assert.Contains(outcome.Messages, m => m.Contains("no body"));
    }

    [Fact]
    public async Task ListsManifestRowsThatNameMissingFilesAndDuplicatedRows()
    {
        using var harness = new IngestHarness();
        harness.Write("good.txt", Good);
        harness.Write("manifest.csv", "file,outlet,url,published,notes,extra\ngood.txt,AFP,,2016-12-09,,ignored\nmissing.txt,AFP,,2016-12-09,,\ngood.txt,Reuters,,2016-12-10,,\n");

        var report = await harness.IngestAsync();

        Assert.Contains(report.ManifestProblems, p => p.Contains("'missing.txt' is listed but there is no such file"));
        Assert.Contains(report.ManifestProblems, p => p.Contains("listed again"));
        await using var db = harness.Db();
        var article = await db.Articles.Include(a => a.Outlet).SingleAsync();
        Assert.Equal("afp", article.Outlet.Slug);
    }

    [Fact]
    public async Task ABadManifestDateFallsBackToTheTextAndSaysSo()
    {
        using var harness = new IngestHarness();
        harness.Write("a.txt", "Headline\n\n09 Dec, 2016\n\nText.");
        harness.Write("manifest.csv", "file,outlet,url,published,notes\na.txt,AFP,,2016-13-45,\n");

        await harness.IngestAsync();

        await using var db = harness.Db();
        var article = await db.Articles.SingleAsync();
        Assert.Equal(new DateOnly(2016, 12, 9), article.Published);
        Assert.Equal(Data.Articles.ValueOrigin.Heuristic, article.PublishedOrigin);
        Assert.Contains("2016-13-45", article.Notes);
    }
}

public class HeadlineTests
{
    [Theory]
    [InlineData("Latest developmentsMiddle EastOthersWorld News\n\nSyrian govt. soldiers make gains\n\nBody.", "Syrian govt. soldiers make gains", true)]
    [InlineData("YouTube and PayPal ban accounts\n\nBody.", "YouTube and PayPal ban accounts", false)]
    [InlineData("McDonald's closes in Aleppo\n\nBody.", "McDonald's closes in Aleppo", false)]
    public void SkipsAScrapedNavigationLineButNotOrdinaryHeadlines(string text, string headline, bool warned)
    {
        var loaded = Files.ArticleFileReader.Parse(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Equal(headline, loaded.Headline);
        Assert.Equal(warned, loaded.Warnings.Any(w => w.Contains("site navigation")));
        Assert.Equal("Body.", loaded.Body);
    }
}
