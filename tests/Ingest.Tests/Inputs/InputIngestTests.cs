using AleppoDashboard.Data.Articles;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.Ingest.Tests.Loading;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Inputs;

public class InputIngestTests
{
    [Fact]
    public async Task AnArabicPageIsStoredWithItsLanguageAndReadByTheArabicExtractor()
    {
        using var harness = new IngestHarness();
        harness.WriteBytes("halab.htm", TestPages.ArabicWindows1256Page());

        var report = await harness.IngestAsync();

        Assert.Equal(FileStatus.Added, Assert.Single(report.Files).Status);
        await using var db = harness.Db();
        var article = await db.Articles.SingleAsync();
        Assert.Equal(("ar", ValueOrigin.Heuristic), (article.Language, article.LanguageOrigin));
        Assert.DoesNotContain("Not English", article.Notes ?? "");
        Assert.Equal(TestPages.ArabicHeadline, article.Headline);
        Assert.True(await db.Sentences.CountAsync() > 1);
        // the headline's "حي الصاخور", the same place id an English "Sakhour" gets; no share, so no claim
        Assert.Equal("sakhour", (await db.PlaceMentions.FirstAsync()).PlaceId);
        Assert.Equal(0, await db.ControlClaims.CountAsync());
    }

    [Fact]
    public async Task AGzippedPageLoadsAndTheManifestRowWinsOverThePage()
    {
        using var harness = new IngestHarness();
        harness.WriteBytes("sukkari.html.gz", TestPages.Gzip(TestPages.JsonLdPage));
        harness.Write("manifest.csv", "file,outlet,url,published,notes\nsukkari.html.gz,Press TV,,,\n");

        var report = await harness.IngestAsync();

        Assert.Equal(FileStatus.Added, Assert.Single(report.Files).Status);
        await using var db = harness.Db();
        var article = await db.Articles.Include(a => a.Outlet).SingleAsync();
        Assert.Equal(("Press TV", ValueOrigin.Manifest), (article.Outlet.Name, article.OutletOrigin));
        Assert.Equal((new DateOnly(2016, 12, 9), ValueOrigin.Document), (article.Published, article.PublishedOrigin));
        Assert.Equal("https://www.example-daily.com/world/forces-push-into-sukkari", article.Url);
        Assert.Equal(("en", ValueOrigin.Document), (article.Language, article.LanguageOrigin));
        Assert.Contains("Date 2016-12-09 from JSON-LD datePublished.", article.Notes);
        Assert.True(await db.PlaceMentions.AnyAsync(m => m.PlaceId == "sukkari"));
    }

    [Fact]
    public async Task AnOlderDatabaseWithoutTheLanguageColumnGetsItWithoutLosingArticles()
    {
        using var harness = new IngestHarness().WithSeeds();
        await harness.IngestAsync();
        await using (var db = harness.Db())
        {
            // A file written before the column existed: SQLite 3.35+ can drop a column.
            await db.Database.ExecuteSqlRawAsync("DROP INDEX IF EXISTS IX_articles_OutletId_Published_Words;");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE articles DROP COLUMN Language; ALTER TABLE articles DROP COLUMN LanguageOrigin;");
        }

        await harness.OpenAsync();

        await using var after = harness.Db();
        Assert.Equal(5, await after.Articles.CountAsync());
        Assert.All(await after.Articles.ToListAsync(), a => Assert.Null(a.Language));
        var report = await (await harness.OpenAsync()).Ingestor.IngestFolderAsync(harness.Articles);
        Assert.All(report.Files, f => Assert.Equal(FileStatus.Unchanged, f.Status));
    }
}
