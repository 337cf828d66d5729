using System.Net;
using System.Text;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// One folder as a researcher collects it: a text file, saved pages (one gzipped, one Arabic in Windows-1256, one home
/// page), a JSON Lines export with a bad line, an RSS feed with a summary-only item, and a manifest. Loaded by the real
/// ingest into a real SQLite file, then served by the real app.
/// </summary>
public class MixedInputFolderTests
{
    static void WriteFolder(string folder)
    {
        File.Copy(Directory.EnumerateFiles(RepoPaths.Seeds, "*.txt").Order().First(), Path.Combine(folder, "seed.txt"));
        File.WriteAllText(Path.Combine(folder, "sukkari.html"), TestPages.JsonLdPage);
        File.WriteAllBytes(Path.Combine(folder, "flee.htm.gz"), TestPages.Gzip(TestPages.MetaTagsPage));
        File.WriteAllText(Path.Combine(folder, "monitor.html"), TestPages.UrlDatedPage);
        File.WriteAllBytes(Path.Combine(folder, "halab.html"), TestPages.ArabicWindows1256Page());
        File.WriteAllText(Path.Combine(folder, "front.html"), TestPages.HomePage);
        File.WriteAllText(Path.Combine(folder, "export.jsonl"), TestPages.JsonLines);
        File.WriteAllText(Path.Combine(folder, "brecorder.rss"), TestPages.Feed);
        File.WriteAllText(Path.Combine(folder, "manifest.csv"), "file,outlet,url,published,notes\nsukkari.html,Press TV,,2016-12-10,hand-checked\n", Encoding.UTF8);
    }

    [Fact]
    public async Task AMixedFolderLoadsEachArticleWithItsOriginsAndReportsTheRejectsWithReasons()
    {
        using var folder = new TempFolder();
        using var data = new TempFolder();
        WriteFolder(folder.Path);
        var databases = DataServiceExtensions.CreateFactory(data.File("mixed.db"));
        var corpus = await Corpus.OpenAsync(databases, new ReferenceFiles(ReferenceFiles.DefaultFolder), ArticleFileReader.DefaultMaxBytes, TimeProvider.System);

        var report = await corpus.Ingestor.IngestFolderAsync(folder.Path);

        var rejected = report.Files.Where(f => f.Status == FileStatus.Rejected).ToDictionary(f => f.File, f => Assert.Single(f.Messages));
        Assert.Equal(3, rejected.Count);
        Assert.Contains("front page", rejected["front.html"]);
        Assert.StartsWith("line 2 is not valid JSON", rejected["export.jsonl#2"]);
        Assert.Contains("only a summary", rejected["brecorder.rss#https://www.brecorder.com/news/334"]);
        Assert.Equal(8, report.Files.Count(f => f.Status == FileStatus.Added));

        await using var db = await databases.CreateDbContextAsync();
        var articles = await db.Articles.Include(a => a.Outlet).ToDictionaryAsync(a => a.SourceFile);
        Assert.Equal(8, articles.Count);

        // The manifest wins over the page for what it gives; the page gives the rest.
        var sukkari = articles["sukkari.html"];
        Assert.Equal(("Press TV", ValueOrigin.Manifest, new DateOnly(2016, 12, 10), ValueOrigin.Manifest), (sukkari.Outlet.Name, sukkari.OutletOrigin, sukkari.Published, sukkari.PublishedOrigin));
        Assert.Equal("https://www.example-daily.com/world/forces-push-into-sukkari", sukkari.Url);
        Assert.DoesNotContain("Share on Facebook", sukkari.Body);

        var flee = articles["flee.htm.gz"];
        Assert.Equal(("tasnim-news-agency", ValueOrigin.Document, new DateOnly(2016, 12, 8), ValueOrigin.Document), (flee.Outlet.Slug, flee.OutletOrigin, flee.Published, flee.PublishedOrigin));

        // Dated only by its URL, named only by its domain (outlets.csv): both guesses.
        var monitor = articles["monitor.html"];
        Assert.Equal(("middle-east-observer", ValueOrigin.Heuristic, new DateOnly(2016, 12, 7), ValueOrigin.Heuristic), (monitor.Outlet.Slug, monitor.OutletOrigin, monitor.Published, monitor.PublishedOrigin));

        Assert.Equal("ar", articles["halab.html"].Language);
        Assert.Equal(("en", ValueOrigin.Heuristic), (articles["seed.txt"].Language, articles["seed.txt"].LanguageOrigin));

        var newsPlease = articles["export.jsonl#1"];
        Assert.Equal(("reuters-syndicated", ValueOrigin.Heuristic, new DateOnly(2016, 12, 10), ValueOrigin.Document), (newsPlease.Outlet.Slug, newsPlease.OutletOrigin, newsPlease.Published, newsPlease.PublishedOrigin));
        var plain = articles["export.jsonl#3"];
        Assert.Equal(("syria-truths", ValueOrigin.Document), (plain.Outlet.Slug, plain.OutletOrigin));

        var item = articles["brecorder.rss#https://www.brecorder.com/news/333"];
        Assert.Equal(("business-recorder", ValueOrigin.Document, new DateOnly(2016, 12, 8)), (item.Outlet.Slug, item.OutletOrigin, item.Published));
        Assert.True(await db.ControlClaims.AnyAsync(c => c.ArticleId == item.Id), "the feed item's claim (85 percent of east Aleppo) is extracted");

        // Loading again changes nothing.
        var again = await corpus.Ingestor.IngestFolderAsync(folder.Path);
        Assert.All(again.Files.Where(f => f.Status != FileStatus.Rejected), f => Assert.Equal(FileStatus.Unchanged, f.Status));
    }

    [Fact]
    public async Task TheArticlePageShowsTheLanguageAndWhereEachValueCameFromAsText()
    {
        using var folder = new TempFolder();
        WriteFolder(folder.Path);
        using var app = new DashboardAppFactory(folder.Path);
        using var client = app.CreateRealClient();
        int arabicId;
        await using (var db = await DataServiceExtensions.CreateFactory(app.DatabasePath).CreateDbContextAsync())
        {
            arabicId = await db.Articles.Where(a => a.SourceFile == "halab.html").Select(a => a.Id).SingleAsync();
        }

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/articles/{arabicId}"));

        Assert.DoesNotContain("no facts were extracted from it", html); // Arabic is read by the Arabic extractor
        Assert.Contains(TestPages.ArabicHeadline, html);
        Assert.Contains("dir=\"rtl\" lang=\"ar\"", html);
        Assert.Contains("guessed from text", html);
    }

    [Fact]
    public async Task TheLangFilterSelectsArticlesByLanguageOnPagesAndExports()
    {
        using var folder = new TempFolder();
        WriteFolder(folder.Path);
        using var app = new DashboardAppFactory(folder.Path);
        using var client = app.CreateRealClient();
        List<(string File, string? Language)> stored;
        await using (var db = await DataServiceExtensions.CreateFactory(app.DatabasePath).CreateDbContextAsync())
        {
            stored = (await db.Articles.Select(a => new { a.SourceFile, a.Language }).ToListAsync()).Select(a => (a.SourceFile, a.Language)).ToList();
        }
        static List<string> Files(string csv) => Csv.Parse(csv).Rows.Select(r => r["source_file"]).Order().ToList();

        var arabic = await client.GetStringAsync("/export/articles.csv?lang=ar");
        Assert.Equal(stored.Where(a => a.Language == "ar").Select(a => a.File).Order().ToList(), Files(arabic));
        Assert.Contains("halab.html", arabic);
        var english = await client.GetStringAsync("/export/articles.csv?lang=en");
        Assert.DoesNotContain("halab.html", english);
        Assert.Equal(stored.Count(a => a.Language == "en"), Files(english).Count);
        var both = await client.GetStringAsync("/export/articles.csv?lang=en&lang=ar");
        Assert.Equal(stored.Count(a => a.Language is "en" or "ar"), Files(both).Count);

        var page = await client.GetStringAsync("/articles?lang=ar");
        Assert.Contains(TestPages.ArabicHeadline, WebUtility.HtmlDecode(page));
        var bad = await client.GetAsync("/articles?lang=arabic");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'lang' must be one of the language codes", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
    }
}
