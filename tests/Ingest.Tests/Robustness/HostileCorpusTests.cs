using System.Text;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.Ingest.Text;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Robustness;

/// <summary>
/// Every hostile file gets its stated outcome (loaded, loaded with a warning, or rejected with a one-line reason),
/// the batch goes on past each bad file, and the database holds exactly the good articles, each complete.
/// </summary>
public class HostileCorpusTests(HostileCorpusFixture corpus) : IClassFixture<HostileCorpusFixture>
{
    public static TheoryData<string> FileNames => new(HostileCorpus.Files.Select(f => f.Name));

    static HostileFile Case(string name) => HostileCorpus.Files.Single(f => f.Name == name);

    [Theory]
    [MemberData(nameof(FileNames))]
    public void EachFileGetsItsExpectedOutcome(string name)
    {
        var expected = Case(name);
        var outcome = Assert.Single(corpus.Report.Files, f => f.File == name);

        switch (expected.Outcome)
        {
            case Expected.Rejected:
                Assert.Equal(FileStatus.Rejected, outcome.Status);
                var reason = Assert.Single(outcome.Messages);
                Assert.Contains(expected.MessageContains!, reason, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain('\n', reason);
                Assert.InRange(reason.Length, 10, 200);
                break;
            case Expected.LoadedWithWarning:
                Assert.Equal(FileStatus.Added, outcome.Status);
                Assert.Contains(outcome.Messages, m => m.Contains(expected.MessageContains!, StringComparison.OrdinalIgnoreCase));
                Assert.All(outcome.Messages, m => Assert.DoesNotContain('\n', m));
                break;
            default:
                Assert.Equal(FileStatus.Added, outcome.Status);
                Assert.Empty(outcome.Messages);
                break;
        }
    }

    [Fact]
    public void TheBatchGoesOnPastEveryBadFile()
    {
        var onDisk = Directory.EnumerateFiles(corpus.Harness.Articles, "*.txt", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive }).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, corpus.Report.Files.Select(f => f.File).Order(StringComparer.Ordinal));
        Assert.Equal(HostileCorpus.Files.Count, corpus.Report.Files.Count);
    }

    [Fact]
    public async Task TheDatabaseHoldsExactlyTheGoodArticles()
    {
        var good = HostileCorpus.Files.Where(f => f.Outcome != Expected.Rejected).Select(f => f.Name).Order(StringComparer.Ordinal);

        await using var db = corpus.Harness.Db();
        var stored = await db.Articles.Select(a => a.SourceFile).ToListAsync();

        Assert.Equal(good, stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryStoredArticleHasAllItsSentences()
    {
        await using var db = corpus.Harness.Db();
        var articles = await db.Articles.AsNoTracking().Include(a => a.Sentences).ToListAsync();

        Assert.NotEmpty(articles);
        foreach (var article in articles)
        {
            var sentences = article.Sentences.OrderBy(s => s.Index).ToList();
            var expected = SentenceSplitter.Split(article.Body);
            Assert.Equal(1 + expected.Count, sentences.Count);
            Assert.Equal(Enumerable.Range(0, sentences.Count), sentences.Select(s => s.Index));
            Assert.Equal(TextPart.Headline, sentences[0].Part);
            Assert.Equal(article.Headline, sentences[0].Text);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(article.Body.Substring(expected[i].Start, expected[i].Length), sentences[i + 1].Text);
            }
        }
    }

    [Fact]
    public async Task TheStoredTextIsTheFilesText()
    {
        await using var db = corpus.Harness.Db();
        var utf16 = await db.Articles.SingleAsync(a => a.SourceFile == "utf16-le-bom.txt");
        var line = await db.Articles.SingleAsync(a => a.SourceFile == "one-megabyte-line.txt");

        Assert.Equal("حلب Aleppo under fire", utf16.Headline);
        Assert.Equal("Shelling hit Hanano on Friday.", utf16.Body);
        Assert.True(line.Body.Length >= 1024 * 1024, "the 1 MB line is kept whole as the body");
        Assert.True(line.Headline.Length <= ArticleFileReader.MaxHeadlineLength);
    }

    [Fact]
    public void ManifestProblemsAreListedOneLineEach()
    {
        var problems = corpus.Report.ManifestProblems;

        Assert.Contains(problems, p => p.Contains("'missing-file.txt' is listed but there is no such file"));
        Assert.Contains(problems, p => p.Contains("'duplicated-row.txt' is listed again"));
        Assert.DoesNotContain(problems, p => p.Contains("Caf"));
        Assert.All(problems, p => Assert.DoesNotContain('\n', p));
    }

    [Fact]
    public async Task ManifestRowsApplyDespiteUnknownColumnsDuplicatesAndUnicodeNames()
    {
        await using var db = corpus.Harness.Db();
        var byFile = await db.Articles.AsNoTracking().Include(a => a.Outlet).ToDictionaryAsync(a => a.SourceFile);

        Assert.Equal("afp", byFile["unknown-columns.txt"].Outlet.Slug);
        Assert.Equal("https://example.org/a", byFile["unknown-columns.txt"].Url);
        Assert.Equal(new DateOnly(2016, 12, 9), byFile["duplicated-row.txt"].Published);
        Assert.Equal("afp", byFile["duplicated-row.txt"].Outlet.Slug);
        Assert.Equal(ValueOrigin.Manifest, byFile["file with spaces.txt"].OutletOrigin);
        Assert.Equal(new DateOnly(2016, 12, 1), byFile["file with spaces.txt"].Published);
        // The manifest spells the name with a composed é, the file system with a decomposed one: the row still applies.
        Assert.Equal(ValueOrigin.Manifest, byFile[HostileCorpus.DecomposedName].OutletOrigin);
        Assert.Equal(new DateOnly(2016, 12, 2), byFile[HostileCorpus.DecomposedName].Published);
        Assert.Equal(new DateOnly(2016, 12, 9), byFile["bad-date.txt"].Published);
        Assert.Equal(ValueOrigin.Heuristic, byFile["bad-date.txt"].PublishedOrigin);
    }

    [Fact]
    public async Task ASecondRunChangesNothing()
    {
        var again = await (await corpus.Harness.OpenAsync(ArticleFileReader.DefaultMaxBytes)).Ingestor.IngestFolderAsync(corpus.Harness.Articles);

        Assert.Equal(0, again.Count(FileStatus.Added) + again.Count(FileStatus.Updated));
        Assert.Equal(corpus.Report.Count(FileStatus.Rejected), again.Count(FileStatus.Rejected));
    }

    [Fact]
    public void AFileOverTheLimitIsRejectedWithoutBeingRead()
    {
        var path = Path.Combine(corpus.Harness.Articles, "huge-60mb.txt");
        Assert.True(new FileInfo(path).Length >= HostileCorpus.SixtyMegabytes);
        var reader = new ArticleFileReader();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var rejected = Assert.Throws<FileRejectedException>(() => reader.Read(path));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("too large", rejected.Message);
        Assert.True(allocated < 256 * 1024, $"rejecting the 60 MB file allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Windows1256IsRejectedWithAReasonThatSaysHowToFixIt()
    {
        var reason = Assert.Single(corpus.Report.Files, f => f.File == "windows-1256.txt").Messages[0];

        Assert.Contains("not valid UTF-8", reason);
        Assert.Contains("Windows-1256", reason);
        Assert.Contains("save it as UTF-8", reason);
    }
}
