using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Extraction;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Loading;

/// <summary>
/// Files are read and their facts derived on two threads; the outcome must be that of reading them one by one in
/// file order: outcomes and ids in file order, each copy naming the first file with its text, the same rows.
/// </summary>
public class ParallelPrepareTests
{
    const int Files = 2 * CorpusIngestor.BatchSize + 57;

    static string Name(int i) => $"{i:D4}.txt";

    static bool IsEmpty(int i) => i % 97 == 13;

    /// <summary>Files 7, 57, 107, ... share one of three texts (across and within batches).</summary>
    static int? CopyGroup(int i) => i % 50 == 7 ? i % 3 : null;

    static string Text(int i) => CopyGroup(i) is { } group
        ? $"Copied report {group} on Aleppo\n\nGovernment forces took {30 + group} percent of east Aleppo, a military source said.\nShelling hit Hanano."
        : $"Report {i} on Aleppo\n\nRebels said on day {i} that the army held {i % 90} percent of the eastern districts.\n" +
          $"Shelling hit Sukkari and Hanano, the Syrian Observatory for Human Rights said. {new string('x', i % 40)} regime.";

    [Fact]
    public async Task OutcomesIdsCopiesAndRowsAreThoseOfFileOrder()
    {
        using var harness = new IngestHarness();
        for (var i = 0; i < Files; i++)
        {
            if (IsEmpty(i)) harness.WriteBytes(Name(i), []);
            else harness.Write(Name(i), Text(i));
        }

        var report = await harness.IngestAsync();

        var names = Enumerable.Range(0, Files).Select(Name).ToList();
        Assert.Equal(names, report.Files.Select(f => f.File));
        var firstOfGroup = new Dictionary<int, string>();
        for (var i = 0; i < Files; i++)
        {
            var outcome = report.Files[i];
            if (IsEmpty(i))
            {
                Assert.Equal(FileStatus.Rejected, outcome.Status);
                continue;
            }
            Assert.Equal(FileStatus.Added, outcome.Status);
            var copyWarnings = outcome.Messages.Where(m => m.StartsWith("Same text as", StringComparison.Ordinal)).ToList();
            if (CopyGroup(i) is { } group && !firstOfGroup.TryAdd(group, Name(i)))
            {
                Assert.Equal([$"Same text as '{firstOfGroup[group]}'; kept as a separate article."], copyWarnings);
            }
            else
            {
                Assert.Empty(copyWarnings);
            }
        }

        await using var db = harness.Db();
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(names.Where((_, i) => !IsEmpty(i)), articles.Select(a => a.SourceFile));
        Assert.Equal(Enumerable.Range(articles[0].Id, articles.Count), articles.Select(a => a.Id));

        // The same sentences and facts as one thread deriving them article by article.
        var reference = new ReferenceFiles(RepoPaths.Reference);
        var extractor = new FactExtractor(reference.ReadGazetteer(), reference.ReadLexicon(), reference.ReadSources(), reference.ReadCues());
        var sentences = (await db.Sentences.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.ArticleId, s.Text }).ToListAsync()).ToLookup(s => s.ArticleId, s => s.Text);
        var claims = (await db.ControlClaims.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.ArticleId, c.MatchedText, c.ValuePercent, c.AttributedTo }).ToListAsync()).ToLookup(c => c.ArticleId);
        var mentions = (await db.PlaceMentions.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.ArticleId, m.PlaceId, m.Start }).ToListAsync()).ToLookup(m => m.ArticleId);
        var sources = (await db.SourceAttributions.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.ArticleId, a.Source }).ToListAsync()).ToLookup(a => a.ArticleId);
        var terms = (await db.FramingTermHits.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.ArticleId, t.TermId }).ToListAsync()).ToLookup(t => t.ArticleId);
        foreach (var article in articles)
        {
            var expected = DerivedRows.Of(article.Headline, article.Body, MetadataOutletName, extractor);
            Assert.Equal(expected.Sentences.Select(s => s.Text), sentences[article.Id]);
            Assert.Equal(expected.Facts.Claims.Select(c => (c.MatchedText, c.ValuePercent, c.AttributedTo)), claims[article.Id].Select(c => (c.MatchedText, c.ValuePercent, c.AttributedTo)));
            Assert.Equal(expected.Facts.Mentions.Select(m => (m.PlaceId, m.Start)), mentions[article.Id].Select(m => (m.PlaceId, m.Start)));
            Assert.Equal(expected.Facts.Attributions.Select(a => a.Source), sources[article.Id].Select(a => a.Source));
            Assert.Equal(expected.Facts.TermHits.Select(t => t.TermId), terms[article.Id].Select(t => t.TermId));
        }
        Assert.NotEmpty(claims);
    }

    /// <summary>No manifest and no dateline: every article's outlet is the unknown outlet.</summary>
    const string MetadataOutletName = AleppoDashboard.Ingest.Metadata.MetadataResolver.UnknownOutletName;
}
