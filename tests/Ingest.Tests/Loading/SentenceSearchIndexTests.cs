using AleppoDashboard.Data.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Loading;

/// <summary>
/// The ingest adds new sentences to the full-text index once per batch (no insert trigger): after an ingest and
/// after a re-ingest of a changed file the index holds exactly the stored sentences, and search finds the new
/// text, not the old.
/// </summary>
public class SentenceSearchIndexTests
{
    [Fact]
    public async Task TheIndexHoldsEverySentenceAfterAnIngestAndAfterAChangedFileIsIngestedAgain()
    {
        using var harness = new IngestHarness().WithSeeds();
        harness.Write("extra.txt", "Quokkatown was shelled overnight.\n\nResidents of Quokkatown fled to Sukkari.");
        var corpus = await harness.OpenAsync();
        await corpus.Ingestor.IngestFolderAsync(harness.Articles);

        await using (var db = harness.Db())
        {
            await AssertIndexMatchesSentencesAsync(db);
            Assert.Equal(2, await db.MatchingSentences("quokkatown").CountAsync());
            Assert.Equal(await db.Sentences.CountAsync(), await CountMatchesForEveryStoredWordAsync(db));
        }

        harness.Write("extra.txt", "Wombatville was quiet on Tuesday.\n\nNobody left Wombatville.");
        await corpus.Ingestor.IngestFolderAsync(harness.Articles);

        await using (var db = harness.Db())
        {
            await AssertIndexMatchesSentencesAsync(db);
            Assert.Equal(0, await db.MatchingSentences("quokkatown").CountAsync());
            var found = await db.MatchingSentences("wombatville").Select(s => s.Text).ToListAsync();
            Assert.Equal(2, found.Count);
            Assert.All(found, text => Assert.Contains("Wombatville", text));
            Assert.Equal(await db.Sentences.CountAsync(), await CountMatchesForEveryStoredWordAsync(db));
        }
    }

    /// <summary>FTS5's own check that the index and the sentences table hold the same text (throws when not).</summary>
    static Task AssertIndexMatchesSentencesAsync(Data.DashboardDb db) =>
        db.Database.ExecuteSqlRawAsync("INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('integrity-check', 1);");

    /// <summary>How many sentences the index finds by a word each of them contains (its longest word of letters).</summary>
    static async Task<int> CountMatchesForEveryStoredWordAsync(Data.DashboardDb db)
    {
        var sentences = await db.Sentences.AsNoTracking().Select(s => new { s.Id, s.Text }).ToListAsync();
        var found = 0;
        foreach (var sentence in sentences)
        {
            var word = System.Text.RegularExpressions.Regex.Matches(sentence.Text, "[A-Za-z]{5,}")
                .Select(m => m.Value).OrderByDescending(w => w.Length).FirstOrDefault() ?? "";
            if (word.Length == 0)
            {
                found++; // nothing searchable in it (digits or punctuation only)
                continue;
            }
            var ids = await db.MatchingSentences(word).Select(s => s.Id).ToListAsync();
            if (ids.Contains(sentence.Id)) found++;
        }
        return found;
    }
}
