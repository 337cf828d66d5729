using AleppoDashboard.Data;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Loading;

/// <summary>
/// A large load into an empty database builds its non-unique indexes at the end (CorpusIngestor.BulkLoadMinimum):
/// it ends with every index a new database has and the same rows and ids as a load that kept the indexes up to date;
/// a load into a database that already holds articles (which the web may be reading) keeps every index throughout.
/// The bulk load also fills the full-text index of sentences in chunks of many batches (a search finds none of its
/// sentences until the first chunk, and all once the load ends), and ends with the same full-text index as the other
/// load, which indexes each batch as it commits it, and as a rebuild of the index.
/// </summary>
public class BulkLoadTests
{
    [Fact]
    public async Task ABulkLoadIndexesItsSentencesInChunksAndEndsWithTheIndexARebuildMakes()
    {
        using var bulk = new IngestHarness();
        var corpus = await OpenWithSmallChunksAsync(bulk);
        var during = new List<(int Sentences, int Indexed)>();
        await corpus.Ingestor.IngestFolderAsync(bulk.Articles, new AfterEachBatch(() => during.Add(SentencesAndIndexedOf(bulk))));

        // Indexed a chunk at a time: some of the sentences, never more than are stored, more as the load goes on.
        Assert.Contains(during, d => d.Indexed > 0 && d.Indexed < d.Sentences);
        Assert.All(during, d => Assert.True(d.Indexed <= d.Sentences));
        Assert.Equal(during.Select(d => d.Indexed).Order(), during.Select(d => d.Indexed));
        await AssertTheIndexIsWholeAndAsRebuiltAsync(bulk);
    }

    [Fact]
    public async Task ABulkLoadDoesNotIndexASentenceTwiceWhenAnotherProcessRebuiltTheIndexDuringIt()
    {
        using var bulk = new IngestHarness();
        var corpus = await OpenWithSmallChunksAsync(bulk);
        var batches = 0;
        // As the web app does when it opens the database during the load (SentenceSearchIndex.CatchUpAsync): the index
        // then holds sentences the load has not indexed yet.
        await corpus.Ingestor.IngestFolderAsync(bulk.Articles, new AfterEachBatch(() =>
        {
            if (++batches != 1) return; // the first batch is stored, not indexed yet (a chunk is two batches)
            using var other = bulk.Db();
            using var tx = other.Database.BeginTransaction();
            SentenceSearchIndex.RebuildAsync(other, CancellationToken.None).GetAwaiter().GetResult();
            tx.Commit();
        }));
        Assert.True(batches > 2);
        await AssertTheIndexIsWholeAndAsRebuiltAsync(bulk);
    }

    [Fact]
    public async Task OpeningTheDatabaseSetsTheDefaultMergeSettingsBackAfterALoadKilledRightAfterAChunk()
    {
        using var harness = new IngestHarness();
        GeneratedArticles.Write(harness.Articles, 20);
        var corpus = await harness.OpenAsync();
        await corpus.Ingestor.IngestFolderAsync(harness.Articles);
        await using (var db = harness.Db())
        {
            // What such a load leaves: every sentence indexed, the index still with the bulk load's settings.
            await db.Database.ExecuteSqlRawAsync(SentenceSearchIndex.BulkMergeSettingsSql);
        }
        await harness.OpenAsync();
        await using var opened = harness.Db();
        Assert.Equal(["automerge=4", "crisismerge=16"],
            await opened.Database.SqlQueryRaw<string>("SELECT k || '=' || v AS Value FROM sentence_fts_config WHERE k IN ('automerge', 'crisismerge') ORDER BY k").ToListAsync());
    }

    /// <summary>Generated articles for a bulk load that indexes its sentences 3,000 at a time (a chunk is two batches).</summary>
    static async Task<Corpus> OpenWithSmallChunksAsync(IngestHarness bulk)
    {
        GeneratedArticles.Write(bulk.Articles, CorpusIngestor.BulkLoadMinimum);
        var corpus = await bulk.OpenAsync();
        corpus.Ingestor.BulkSearchIndexChunk = 3_000;
        return corpus;
    }

    /// <summary>
    /// FTS5's integrity check passes, the index has the default merge settings back, and it finds the same sentences
    /// for a few words as the index rebuilt from the stored sentences.
    /// </summary>
    static async Task AssertTheIndexIsWholeAndAsRebuiltAsync(IngestHarness harness)
    {
        await using var db = harness.Db();
        await db.Database.ExecuteSqlRawAsync("INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('integrity-check', 1);");
        var (sentences, indexed) = SentencesAndIndexedOf(harness);
        Assert.Equal(sentences, indexed);
        Assert.Equal(["automerge=4", "crisismerge=16"],
            await db.Database.SqlQueryRaw<string>("SELECT k || '=' || v AS Value FROM sentence_fts_config WHERE k IN ('automerge', 'crisismerge') ORDER BY k").ToListAsync());
        var words = new[] { "aleppo", "killed", "government", "rebels", "rebels OR government" };
        var chunked = new List<List<int>>();
        foreach (var word in words) chunked.Add(await MatchesAsync(db, word));
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await SentenceSearchIndex.RebuildAsync(db, CancellationToken.None);
            await tx.CommitAsync();
        }
        for (var i = 0; i < words.Length; i++)
        {
            Assert.NotEmpty(chunked[i]);
            Assert.Equal(await MatchesAsync(db, words[i]), chunked[i]);
        }
    }

    [Fact]
    public async Task ABulkLoadEndsWithEveryIndexAndTheSameRowsAsALoadIntoADatabaseWithArticles()
    {
        using var bulk = new IngestHarness();
        using var kept = new IngestHarness();
        var files = GeneratedArticles.Write(bulk.Articles, CorpusIngestor.BulkLoadMinimum);
        GeneratedArticles.Write(kept.Articles, CorpusIngestor.BulkLoadMinimum);
        var expected = await IndexesOfANewDatabaseAsync(bulk);

        var bulkCorpus = await bulk.OpenAsync();
        var indexesDuringBulk = new List<List<string>>();
        var searchDuringBulk = new List<(int Sentences, int Indexed)>();
        var bulkReport = await bulkCorpus.Ingestor.IngestFolderAsync(bulk.Articles, new AfterEachBatch(() =>
        {
            indexesDuringBulk.Add(IndexesOf(bulk));
            searchDuringBulk.Add(SentencesAndIndexedOf(bulk));
        }));
        Assert.Equal($"{files.Count} added, 0 updated, 0 unchanged, 0 rejected", bulkReport.Summary);
        Assert.All(indexesDuringBulk, during => Assert.True(during.Count < expected.Count, "the bulk load kept its non-unique indexes"));
        Assert.Equal(expected, IndexesOf(bulk));
        Assert.NotEmpty(searchDuringBulk);
        Assert.All(searchDuringBulk, during => Assert.True(during.Sentences > 0 && during.Indexed == 0, $"{during.Indexed} of {during.Sentences} sentences indexed during the bulk load"));
        var afterBulk = SentencesAndIndexedOf(bulk);
        Assert.Equal(afterBulk.Sentences, afterBulk.Indexed);

        // The same files into a database that already holds the first of them: no bulk load.
        var first = files.Order(StringComparer.Ordinal).First();
        var aside = Path.Combine(kept.Articles, "..", "aside");
        Directory.CreateDirectory(aside);
        foreach (var file in files.Where(f => f != first)) File.Move(Path.Combine(kept.Articles, file), Path.Combine(aside, file));
        var keptCorpus = await kept.OpenAsync();
        await keptCorpus.Ingestor.IngestFolderAsync(kept.Articles);
        foreach (var file in files.Where(f => f != first)) File.Move(Path.Combine(aside, file), Path.Combine(kept.Articles, file));
        var indexesDuringKept = new List<List<string>>();
        var searchDuringKept = new List<(int Sentences, int Indexed)>();
        var keptReport = await keptCorpus.Ingestor.IngestFolderAsync(kept.Articles, new AfterEachBatch(() =>
        {
            indexesDuringKept.Add(IndexesOf(kept));
            searchDuringKept.Add(SentencesAndIndexedOf(kept));
        }));
        Assert.Equal($"{files.Count - 1} added, 0 updated, 1 unchanged, 0 rejected", keptReport.Summary);
        Assert.NotEmpty(indexesDuringKept);
        Assert.All(indexesDuringKept, during => Assert.Equal(expected, during));
        Assert.All(searchDuringKept, during => Assert.Equal(during.Sentences, during.Indexed));

        await using var a = bulk.Db();
        await using var b = kept.Db();
        Assert.Equal(await SentencesAsync(b), await SentencesAsync(a));
        Assert.Equal(await MentionsAsync(b), await MentionsAsync(a));
        Assert.Equal(await TermHitsAsync(b), await TermHitsAsync(a));
        // The bulk load writes without SQLite's per-row foreign key checks: every row must still point at a stored row.
        Assert.Empty(await ForeignKeyViolationsAsync(a));
        // FTS5's own check that the index holds exactly the stored sentences (throws otherwise), and the same hits.
        foreach (var db in new[] { a, b })
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('integrity-check', 1);");
        }
        foreach (var word in new[] { "aleppo", "killed", "government", "rebels" })
        {
            var hits = await MatchesAsync(a, word);
            Assert.NotEmpty(hits);
            Assert.Equal(await MatchesAsync(b, word), hits);
        }
        Assert.Equal(await b.ControlClaims.CountAsync(), await a.ControlClaims.CountAsync());
        Assert.Equal(await b.SourceAttributions.CountAsync(), await a.SourceAttributions.CountAsync());
        Assert.Equal(
            await b.Articles.OrderBy(x => x.Id).Select(x => new { x.Id, x.SourceFile, x.OutletId, x.Published, x.Words }).ToListAsync(),
            await a.Articles.OrderBy(x => x.Id).Select(x => new { x.Id, x.SourceFile, x.OutletId, x.Published, x.Words }).ToListAsync());
    }

    static Task<List<string>> SentencesAsync(DashboardDb db) =>
        db.Sentences.OrderBy(s => s.Id).Select(s => s.Id + "|" + s.ArticleId + "|" + s.Index + "|" + s.Text).ToListAsync();

    static Task<List<string>> MentionsAsync(DashboardDb db) =>
        db.PlaceMentions.OrderBy(m => m.Id).Select(m => m.Id + "|" + m.SentenceId + "|" + m.PlaceId + "|" + m.Start + "|" + m.MatchedText).ToListAsync();

    static Task<List<string>> TermHitsAsync(DashboardDb db) =>
        db.FramingTermHits.OrderBy(h => h.Id).Select(h => h.Id + "|" + h.SentenceId + "|" + h.TermId + "|" + h.Start).ToListAsync();

    static Task<List<int>> MatchesAsync(DashboardDb db, string word) =>
        db.Database.SqlQueryRaw<int>("SELECT rowid AS Value FROM sentence_fts WHERE sentence_fts MATCH {0} ORDER BY rowid", word).ToListAsync();

    /// <summary>The number of stored sentences and of documents in the full-text index, read on a connection of its own.</summary>
    static (int Sentences, int Indexed) SentencesAndIndexedOf(IngestHarness harness)
    {
        using var db = harness.Db();
        return (db.Sentences.Count(), db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM sentence_fts_docsize").ToList()[0]);
    }

    static async Task<List<string>> IndexesOfANewDatabaseAsync(IngestHarness harness)
    {
        var path = Path.Combine(Path.GetDirectoryName(harness.DatabasePath)!, "new.db");
        await using var db = DataServiceExtensions.CreateFactory(path).CreateDbContext();
        await SchemaInitializer.InitializeAsync(db);
        return db.Database.SqlQueryRaw<string>(IndexesSql).ToList();
    }

    /// <summary>Read on a connection of its own, as the web app would.</summary>
    static List<string> IndexesOf(IngestHarness harness)
    {
        using var db = harness.Db();
        return db.Database.SqlQueryRaw<string>(IndexesSql).ToList();
    }

    const string IndexesSql = "SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name";

    /// <summary>Runs an action when the ingest reports a committed batch (synchronously, unlike Progress&lt;T&gt;).</summary>
    sealed class AfterEachBatch(Action action) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => action();
    }

    /// <summary>PRAGMA foreign_key_check: one line per row whose foreign key points at no row.</summary>
    static async Task<List<string>> ForeignKeyViolationsAsync(DashboardDb db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_key_check;";
        var violations = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) violations.Add($"{reader.GetValue(0)} row {reader.GetValue(1)} -> {reader.GetValue(2)}");
        return violations;
    }
}
