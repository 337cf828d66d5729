using System.Globalization;
using System.Text;
using AleppoDashboard.Data.SharedCopyDetection;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Loading;

/// <summary>
/// A sentence's copies are listed from its text's stored head (<see cref="SharedCopyHead"/>) instead of from every text
/// of its group. On a corpus where wire lines come in many variants (two place names each, so that a variant matches
/// those that differ in one name and not those that differ in both: groups overlap without being the same) and where
/// some articles carry one group's lines many times, every sentence's listed copies and their count must be what the
/// plain computation over every row gives (<see cref="SharedCopies.With"/>), for the export's 50 and the page's 5.
/// On SQLite here; on PostgreSQL in <see cref="PostgresSharedCopyHeadsTests"/>.
/// </summary>
public class SharedCopyHeadsTests : IDisposable
{
    readonly IngestHarness harness;

    public SharedCopyHeadsTests() : this(new IngestHarness())
    {
    }

    protected SharedCopyHeadsTests(IngestHarness harness) => this.harness = harness;

    static readonly string[] Outlets = ["Reuters", "AFP", "Tasnim News Agency", "Press TV", "Al Jazeera"];
    static readonly string[] Places = ["Hanano", "Sakhour", "Ansari", "Salaheddine", "Haydariya", "Layramoun", "Sukkari", "Fardos", "Jandoul", "Ramousah"];

    static readonly string[] Lines =
    [
        "The army and its allies have recaptured {0} and {1} after several days of heavy fighting with insurgent groups in the north of the city, a military source told the state news agency.",
        "Residents who fled {0} for {1} described long nights of shelling and said that bread and clean water had run out in most of the eastern neighbourhoods before the convoy arrived.",
        "Rebel commanders said their fighters still held the roads between {0} and {1} and denied reports that the government had cut the last supply line into the besieged districts.",
    ];

    static string Variant(Random random) =>
        string.Format(CultureInfo.InvariantCulture, Lines[random.Next(Lines.Length)], Places[random.Next(Places.Length)], Places[random.Next(Places.Length)]);

    /// <summary>300 articles of variants, one of them carrying 70 lines of the first line's family, others a line twice.</summary>
    void WriteCorpus()
    {
        var random = new Random(18);
        var manifest = new List<string> { "file,outlet,url,published,notes" };
        for (var i = 1; i <= 300; i++)
        {
            var name = $"wire_{i:D4}.txt";
            var text = new StringBuilder($"Report {i} from the northern front\n\n");
            var lines = i == 7 ? 70 : random.Next(2, 7);
            for (var l = 0; l < lines; l++)
            {
                var line = i == 7
                    ? string.Format(CultureInfo.InvariantCulture, Lines[0], Places[l % Places.Length], Places[l / Places.Length % Places.Length])
                    : Variant(random);
                text.Append(line).Append(' ');
                if (i % 11 == 0 && l == 0) text.Append(line).Append(' ');
                if (l % 3 == 2) text.Append("\n\n");
            }
            text.Append(CultureInfo.InvariantCulture, $"This is the closing line of report number {i}, written only for it.\n");
            File.WriteAllText(Path.Combine(harness.Articles, name), text.ToString());
            var date = new DateOnly(2016, 9, 1).AddDays(i % 100);
            manifest.Add(string.Create(CultureInfo.InvariantCulture, $"{name},{Outlets[i % Outlets.Length]},,{date:yyyy-MM-dd},generated"));
        }
        File.WriteAllLines(Path.Combine(harness.Articles, "manifest.csv"), manifest);
    }

    [Fact]
    public async Task EverySentenceListsTheCopiesThePlainComputationGives()
    {
        WriteCorpus();
        var report = await (await harness.OpenAsync()).Ingestor.IngestFolderAsync(harness.Articles);
        Assert.True(report.SharedCopy is { Stored: true, SharedSentences: > 500 }, $"{report.SharedCopy}");

        await using var db = harness.Db();
        Assert.True(await SharedCopyStore.IsCurrentAsync(db, default));
        var sentences = await db.Sentences.AsNoTracking()
            .Select(s => new CopyCandidate(s.Id, s.ArticleId, s.Index, s.Article.Outlet.Name, s.Text)).ToListAsync();
        var detected = SharedCopyDetector.Detect(sentences);
        var ids = sentences.Select(s => s.SentenceId).ToList();
        var (full, longest, crowded) = (0, 0, 0);
        foreach (var max in (int[])[SharedCopyDetector.MaxListed, 5])
        {
            var stored = await new SharedCopyLister(max).CopiesAsync(db, ids, default);
            Assert.Equal(detected.Count, stored.Count);
            foreach (var s in sentences)
            {
                var found = stored.GetValueOrDefault(s.SentenceId, SentenceCopies.None);
                Assert.Equal(detected.IsShared(s.SentenceId), stored.ContainsKey(s.SentenceId));
                Assert.Equal(detected.CopiesOf(s.SentenceId), found.Count);
                Assert.Equal(detected.With(s.SentenceId, max), found.With);
                full += found.With.Count == max ? 1 : 0;
                longest = Math.Max(longest, found.Count);
            }
        }
        // The corpus is what the test is about: many lists cut at the maximum, and an article whose own rows of one group
        // outnumber what is listed (article 7), so that a head cut at a fixed length would miss copies.
        var seventh = await db.Articles.Where(a => a.SourceFile == "wire_0007.txt").Select(a => a.Id).SingleAsync();
        crowded = sentences.Count(s => s.ArticleId == seventh && detected.IsShared(s.SentenceId));
        Assert.True(full > 1_000, $"{full} lists at the maximum");
        Assert.True(crowded >= 60, $"article 7 has {crowded} shared sentences");
        Assert.True(longest > 200, $"at most {longest} copies");
    }

    [Fact]
    public async Task AMapStoredWithoutHeadsIsNotCurrent()
    {
        WriteCorpus();
        await (await harness.OpenAsync()).Ingestor.IngestFolderAsync(harness.Articles);
        await using var db = harness.Db();
        Assert.True(await SharedCopyStore.IsCurrentAsync(db, default));
        // A database whose map an older build stored: its own version key, none for the heads.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM dashboard_meta WHERE key = 'shared_copy_heads_version'");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM shared_copy_heads");
        Assert.False(await SharedCopyStore.IsCurrentAsync(db, default));

        var update = await SharedCopyStore.UpdateAsync(harness.Databases, TimeProvider.System, default);
        Assert.True(update is { Stored: true }, $"{update}");
        Assert.True(await SharedCopyStore.IsCurrentAsync(db, default));
        Assert.True(await db.SharedCopyHeads.CountAsync() > 0);
    }

    [Fact]
    public void AListerIsNeverAskedForMoreCopiesThanAHeadHolds() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SharedCopyLister(SharedCopyDetector.MaxListed + 1));

    public void Dispose() => harness.Dispose();
}

public sealed class PostgresSharedCopyHeadsTests() : SharedCopyHeadsTests(IngestHarness.OnPostgres());
