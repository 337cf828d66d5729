using AleppoDashboard.Data;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Ingest.Text;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Robustness;

/// <summary>
/// The ingest program killed with SIGKILL in the middle of a large batch leaves a database that opens, passes
/// SQLite's integrity check, and holds only whole articles; a second run completes the batch, each file once.
/// The killed run was a bulk load, which fills the full-text index at its end: opening the database again
/// (as every program does, through SchemaInitializer) completes the index.
/// </summary>
public class CrashSafetyTests
{
    /// <summary>
    /// Twenty batches: the kill lands after the second, while the program still has many batches to go. With 1,200
    /// files (six batches) the ingest had become fast enough to finish the whole run, full-text index included, before
    /// the kill landed in two of six runs of the Ingest tests on this machine (2026-11-30).
    /// </summary>
    const int Articles = 4000;

    [Fact]
    public async Task AKilledIngestLeavesWholeArticlesAndTheNextRunCompletesTheBatch()
    {
        using var root = new TempFolder();
        var folder = root.File("articles");
        var database = root.File("crash.db");
        var files = GeneratedArticles.Write(folder, Articles);

        using (var first = IngestProcess.Start(folder, database))
        {
            var errors = first.StandardError.ReadToEndAsync();
            try
            {
                // The program reports progress after each committed batch; kill it after two, while it writes the next.
                var progressLines = 0;
                while (await first.StandardOutput.ReadLineAsync() is { } line)
                {
                    if (line.StartsWith("progress:", StringComparison.Ordinal) && ++progressLines == 2) break;
                }
                Assert.True(progressLines == 2, $"the ingest program ended before its second batch: {(first.HasExited ? await errors : "")}");
            }
            finally
            {
                first.Kill(entireProcessTree: true); // SIGKILL on Unix: no handler runs, no transaction is finished
                await first.WaitForExitAsync();
            }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await using (var reopened = DataServiceExtensions.CreateFactory(database).CreateDbContext())
        {
            var (sentences, indexed) = await SentencesAndIndexedAsync(reopened);
            Assert.True(indexed < sentences, $"the killed bulk load indexed {indexed} of its {sentences} sentences before its end");
            await Data.Schema.SchemaInitializer.InitializeAsync(reopened);
            (sentences, indexed) = await SentencesAndIndexedAsync(reopened);
            Assert.Equal(sentences, indexed);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var afterKill = await CheckWholeAsync(database);
        Assert.InRange(afterKill, 2 * 200, Articles - 1);

        using (var second = IngestProcess.Start(folder, database))
        {
            var output = second.StandardOutput.ReadToEndAsync();
            var errors = second.StandardError.ReadToEndAsync();
            if (!second.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                second.Kill(entireProcessTree: true);
                Assert.Fail("the second run did not finish within 3 minutes");
            }
            Assert.True(second.ExitCode == 0, $"exit code {second.ExitCode}: {await errors}");
            Assert.Contains($"{Articles - afterKill} added, 0 updated, {afterKill} unchanged, 0 rejected", await output);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Equal(Articles, await CheckWholeAsync(database));
        await using var db = DataServiceExtensions.CreateFactory(database).CreateDbContext();
        Assert.Equal(files.Order(StringComparer.Ordinal), (await db.Articles.Select(a => a.SourceFile).ToListAsync()).Order(StringComparer.Ordinal));
        // The killed run was a bulk load (empty database, more than CorpusIngestor.BulkLoadMinimum files), which builds
        // its non-unique indexes at the end: after the second run the database has every index a new one has.
        Assert.True(Articles >= AleppoDashboard.Ingest.Loading.CorpusIngestor.BulkLoadMinimum);
        Assert.Equal(await IndexesOfANewDatabaseAsync(root.File("new.db")), await IndexesAsync(db));
    }

    /// <summary>The number of stored sentences, and of documents in the full-text index.</summary>
    static async Task<(int Sentences, int Indexed)> SentencesAndIndexedAsync(DashboardDb db) =>
        (await db.Sentences.CountAsync(),
         (await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM sentence_fts_docsize").ToListAsync())[0]);

    static async Task<List<string>> IndexesAsync(DashboardDb db) =>
        await db.Database.SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").ToListAsync();

    static async Task<List<string>> IndexesOfANewDatabaseAsync(string path)
    {
        await using var db = DataServiceExtensions.CreateFactory(path).CreateDbContext();
        await Data.Schema.SchemaInitializer.InitializeAsync(db);
        return await IndexesAsync(db);
    }

    /// <summary>Checks the database is sound and every article whole; returns the number of articles.</summary>
    static async Task<int> CheckWholeAsync(string database)
    {
        await using var db = DataServiceExtensions.CreateFactory(database).CreateDbContext();
        Assert.Equal(["ok"], await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync());
        Assert.Empty(await db.Database.SqlQueryRaw<string>("SELECT \"table\" AS Value FROM pragma_foreign_key_check").ToListAsync());
        // The full-text index agrees with the sentences it indexes (raises an error otherwise).
        await db.Database.ExecuteSqlRawAsync("INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('integrity-check', 1)");

        var files = await db.Articles.Select(a => a.SourceFile).ToListAsync();
        Assert.Equal(files.Count, files.Distinct(StringComparer.Ordinal).Count());

        var counts = await db.Sentences.GroupBy(s => s.ArticleId).Select(g => new { g.Key, Count = g.Count(), Headlines = g.Count(s => s.Part == TextPart.Headline) })
            .ToDictionaryAsync(g => g.Key);
        await foreach (var article in db.Articles.AsNoTracking().Select(a => new { a.Id, a.SourceFile, a.Body }).AsAsyncEnumerable())
        {
            Assert.True(counts.TryGetValue(article.Id, out var stored), $"{article.SourceFile} has no sentences");
            Assert.Equal(1, stored.Headlines);
            Assert.True(1 + SentenceSplitter.Split(article.Body).Count == stored.Count, $"{article.SourceFile} has {stored.Count} sentences, not all of them");
        }
        Assert.Equal(files.Count, counts.Count);
        // Facts stand on sentences of their own article.
        foreach (var table in new[] { "place_mentions", "control_claims", "source_attributions", "framing_term_hits" })
        {
            // The table name comes from the constant list above.
            var sql = "SELECT COUNT(*) AS Value FROM \"" + table + "\" f LEFT JOIN sentences s ON s.\"Id\" = f.\"SentenceId\" AND s.\"ArticleId\" = f.\"ArticleId\" WHERE s.\"Id\" IS NULL";
            var orphans = await db.Database.SqlQueryRaw<int>(sql).ToListAsync();
            Assert.True(orphans[0] == 0, $"{orphans[0]} rows of {table} point at no sentence of their article");
        }
        return files.Count;
    }
}
