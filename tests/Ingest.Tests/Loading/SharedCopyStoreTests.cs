using AleppoDashboard.Data;
using AleppoDashboard.Data.SharedCopyDetection;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Loading;

/// <summary>
/// Each ingest ends by detecting shared copy over the whole corpus and storing the map (SharedCopyStore). The stored map
/// must answer exactly what the detection says for every sentence: which are shared, their first copies in order and
/// how many there are; after a changed file is loaded again it must be that of the new text.
/// </summary>
public class SharedCopyStoreTests
{
    [Fact]
    public async Task TheStoredMapAnswersWhatTheDetectionSaysForEverySentenceAfterEachIngest()
    {
        using var harness = new IngestHarness().WithSeeds();
        GeneratedArticles.Write(harness.Articles, 120);
        var corpus = await harness.OpenAsync();

        var first = await corpus.Ingestor.IngestFolderAsync(harness.Articles);
        Assert.True(first.SharedCopy is { Stored: true, SharedSentences: > 0 }, $"{first.SharedCopy}");
        var shared = await AssertStoredEqualsDetectionAsync(harness);
        Assert.Equal(first.SharedCopy!.SharedSentences, shared);

        // Nothing changed: nothing to detect.
        Assert.Null((await corpus.Ingestor.IngestFolderAsync(harness.Articles)).SharedCopy);

        // Changed texts under the same names: the sentences are new, and so is the map.
        GeneratedArticles.Write(harness.Articles, 40, revision: 1);
        var second = await corpus.Ingestor.IngestFolderAsync(harness.Articles);
        Assert.Equal(40, second.Count(FileStatus.Updated));
        Assert.True(second.SharedCopy is { Stored: true });
        await AssertStoredEqualsDetectionAsync(harness);
    }

    [Fact]
    public async Task ABulkLoadStoresTheMapOfItsOwnSentencesWithoutDetectingAgainFromTheDatabase()
    {
        using var harness = new IngestHarness();
        GeneratedArticles.Write(harness.Articles, CorpusIngestor.BulkLoadMinimum);
        var corpus = await harness.OpenAsync();

        var report = await corpus.Ingestor.IngestFolderAsync(harness.Articles);
        Assert.True(report.SharedCopy is { Stored: true, SharedSentences: > 0 }, $"{report.SharedCopy}");
        var stages = corpus.Ingestor.Times.Totals().Select(t => t.Stage).ToList();
        Assert.Contains("shared-copy store", stages);
        Assert.DoesNotContain("shared-copy detection", stages);
        Assert.Equal(report.SharedCopy!.SharedSentences, await AssertStoredEqualsDetectionAsync(harness));
    }

    [Fact]
    public async Task AMapDetectedFromOtherSentencesThanTheStoredOnesIsNotStored()
    {
        using var harness = new IngestHarness().WithSeeds();
        var corpus = await harness.OpenAsync();
        await corpus.Ingestor.IngestFolderAsync(harness.Articles);
        await using var db = harness.Db();
        var sentences = await db.Sentences.AsNoTracking()
            .Select(s => new CopyCandidate(s.Id, s.ArticleId, s.Index, s.Article.Outlet.Name, s.Text)).ToListAsync();
        var rows = SharedCopyMapRows.Of(SharedCopyDetector.Detect(sentences));
        var version = await AleppoDashboard.Data.Schema.ContentVersion.ReadAsync(db, default);
        var count = sentences.Count;
        var ids = sentences.Sum(s => (long)s.SentenceId);
        await db.Database.ExecuteSqlRawAsync("UPDATE dashboard_meta SET value = '0' WHERE key = 'shared_copies_version'");

        // One sentence fewer, or another sentence in place of one, or a later content version: not the stored sentences.
        Assert.Null(await SharedCopyStore.StoreDetectedAsync(harness.Databases, rows, version, (count - 1, ids), TimeSpan.Zero, default));
        Assert.Null(await SharedCopyStore.StoreDetectedAsync(harness.Databases, rows, version, (count, ids + 1), TimeSpan.Zero, default));
        Assert.Null(await SharedCopyStore.StoreDetectedAsync(harness.Databases, rows, version - 1, (count, ids), TimeSpan.Zero, default));
        Assert.False(await SharedCopyStore.IsCurrentAsync(db, default));

        var stored = await SharedCopyStore.StoreDetectedAsync(harness.Databases, rows, version, (count, ids), TimeSpan.Zero, default);
        Assert.True(stored is { Stored: true }, $"{stored}");
        Assert.True(await SharedCopyStore.IsCurrentAsync(db, default));
    }

    [Fact]
    public async Task ASentenceRepeatedManyTimesInItsOwnArticleStillListsTheFirstCopiesOfOtherArticles()
    {
        // The first article carries the wire line 25 times: more than the lister keeps per text beyond the 50 it lists.
        const string line = "Government forces advanced into the eastern districts of the city overnight, a military source said.";
        using var harness = new IngestHarness();
        harness.Write("a_000.txt", "Wire line repeated\n\n" + string.Join(" ", Enumerable.Repeat(line, 25)));
        for (var i = 1; i <= 70; i++) harness.Write($"b_{i:D3}.txt", $"Report number {i}\n\nOn day {i} reporters heard it again. {line}");
        var corpus = await harness.OpenAsync();
        var report = await corpus.Ingestor.IngestFolderAsync(harness.Articles);
        Assert.True(report.SharedCopy is { Stored: true });

        await using var db = harness.Db();
        var first = await db.Articles.Where(a => a.SourceFile == "a_000.txt").Select(a => a.Id).SingleAsync();
        var repeated = await db.Sentences.Where(s => s.ArticleId == first && s.Text == line).Select(s => s.Id).ToListAsync();
        Assert.Equal(25, repeated.Count);
        await AssertStoredEqualsDetectionAsync(harness);
        var listed = (await SharedCopyReads.CopiesAsync(db, repeated, SharedCopyDetector.MaxListed, default))[repeated[0]];
        Assert.Equal(SharedCopyDetector.MaxListed, listed.With.Count);
        Assert.Equal(70, listed.Count);
        Assert.DoesNotContain(listed.With, w => w.ArticleId == first);
    }

    /// <summary>Compares the stored map with a detection over the database's sentences; returns how many are shared.</summary>
    static async Task<int> AssertStoredEqualsDetectionAsync(IngestHarness harness)
    {
        await using var db = harness.Db();
        Assert.True(await SharedCopyStore.IsCurrentAsync(db, default));
        var sentences = await db.Sentences.AsNoTracking()
            .Select(s => new CopyCandidate(s.Id, s.ArticleId, s.Index, s.Article.Outlet.Name, s.Text)).ToListAsync();
        var detected = SharedCopyDetector.Detect(sentences);
        var stored = await SharedCopyReads.CopiesAsync(db, sentences.Select(s => s.SentenceId).ToList(), SharedCopyDetector.MaxListed, default);
        foreach (var s in sentences)
        {
            var expected = detected.With(s.SentenceId);
            var found = stored.GetValueOrDefault(s.SentenceId, SentenceCopies.None);
            Assert.Equal(detected.IsShared(s.SentenceId), stored.ContainsKey(s.SentenceId));
            Assert.Equal(detected.CopiesOf(s.SentenceId), found.Count);
            Assert.Equal(expected, found.With);
        }
        Assert.Equal(detected.Count, stored.Count);
        return stored.Count;
    }
}
