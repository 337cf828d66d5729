using AleppoDashboard.Data.Articles;
using AleppoDashboard.Ingest.Loading;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Loading;

public class SeedIngestTests
{
    [Fact]
    public async Task LoadsTheFiveSeedsWithOutletsAndDatesFromTheManifest()
    {
        using var harness = new IngestHarness().WithSeeds();
        var report = await harness.IngestAsync();

        Assert.Equal(5, report.Count(FileStatus.Added));
        Assert.Empty(report.ManifestProblems);
        await using var db = harness.Db();
        var articles = await db.Articles.Include(a => a.Outlet).OrderBy(a => a.SourceFile).ToListAsync();
        Assert.Equal(
            [
                ("tasnim-news-agency", "2016-12-09"), ("reuters-syndicated", "2016-12-09"), ("syria-truths", "2016-12-15"),
                ("middle-east-observer", "2016-10-03"), ("business-recorder", "2016-12-09"),
            ],
            articles.Select(a => (a.Outlet.Slug, a.Published?.ToString("yyyy-MM-dd"))).ToList());
        Assert.All(articles, a =>
        {
            Assert.Equal(ValueOrigin.Manifest, a.OutletOrigin);
            Assert.Equal(ValueOrigin.Manifest, a.PublishedOrigin);
            Assert.Equal(64, a.ContentHash.Length);
        });
        Assert.Equal("Syrian Forces Press Attack in East Aleppo", articles[0].Headline);
        Assert.Equal("Tasnim News Agency", articles[0].Outlet.Name);
    }

    [Fact]
    public async Task SentencesCarryOffsetsIntoTheirArticleText()
    {
        using var harness = new IngestHarness().WithSeeds();
        await harness.IngestAsync();
        await using var db = harness.Db();
        var article = await db.Articles.Include(a => a.Sentences).FirstAsync(a => a.SourceFile.StartsWith("001_"));
        Assert.True(article.Sentences.Count > 20);
        foreach (var s in article.Sentences)
        {
            var source = s.Part == TextPart.Headline ? article.Headline : article.Body;
            Assert.Equal(s.Text, source.Substring(s.Start, s.Length));
        }
        Assert.Contains(article.Sentences, s => s.Text == "“The advance is going according to plan and is sometimes faster than expected,” a Syrian military source told Reuters.");
    }

    [Fact]
    public async Task IngestingTheSameFilesAgainChangesNothing()
    {
        using var harness = new IngestHarness().WithSeeds();
        await harness.IngestAsync();
        await using var before = harness.Db();
        var snapshot = await before.Articles.OrderBy(a => a.Id).Select(a => new { a.Id, a.ContentHash, a.IngestedAt }).ToListAsync();
        var sentences = await before.Sentences.CountAsync();

        var again = await harness.IngestAsync();

        Assert.Equal(5, again.Count(FileStatus.Unchanged));
        await using var after = harness.Db();
        Assert.Equal(snapshot, await after.Articles.OrderBy(a => a.Id).Select(a => new { a.Id, a.ContentHash, a.IngestedAt }).ToListAsync());
        Assert.Equal(sentences, await after.Sentences.CountAsync());
    }

    [Fact]
    public async Task AChangedFileUpdatesItsArticleInPlace()
    {
        using var harness = new IngestHarness().WithSeeds();
        await harness.IngestAsync();
        var path = Path.Combine(harness.Articles, "000_e9a252d1f1a17b5f.txt");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Syrian Forces Press Attack", "Syrian Forces Press On"));

        var report = await harness.IngestAsync();

        Assert.Equal(FileStatus.Updated, Assert.Single(report.Files, f => f.Status != FileStatus.Unchanged).Status);
        await using var db = harness.Db();
        Assert.Equal(5, await db.Articles.CountAsync());
        var article = await db.Articles.Include(a => a.Sentences).SingleAsync(a => a.SourceFile == "000_e9a252d1f1a17b5f.txt");
        Assert.Equal(1, article.Id);
        Assert.StartsWith("Syrian Forces Press On", article.Headline);
        Assert.Equal(article.Headline, article.Sentences.Single(s => s.Index == 0).Text);
    }

    [Fact]
    public async Task SyndicatedCopiesFromTwoOutletsStayTwoArticles()
    {
        using var harness = new IngestHarness();
        const string text = "Army advances in Aleppo\n\nGovernment forces took the Sukkari district on Thursday, a military source said.";
        harness.Write("a.txt", text);
        harness.Write("b.txt", text);
        harness.Write("manifest.csv", "file,outlet,url,published,notes\na.txt,Press TV,,2016-12-15,\nb.txt,Syria Truths,,2016-12-15,\n");

        var report = await harness.IngestAsync();

        Assert.Equal(2, report.Count(FileStatus.Added));
        Assert.Contains(report.Files, f => f.Messages.Any(m => m.Contains("Same text as 'a.txt'")));
        await using var db = harness.Db();
        Assert.Equal(["press-tv", "syria-truths"], await db.Articles.OrderBy(a => a.SourceFile).Select(a => a.Outlet.Slug).ToListAsync());
    }
}
