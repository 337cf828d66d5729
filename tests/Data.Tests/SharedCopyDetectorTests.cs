using AleppoDashboard.Data.SharedCopyDetection;

namespace AleppoDashboard.Data.Tests;

public class SharedCopyDetectorTests
{
    static CopyCandidate S(int id, int article, string text) => new(id, article, id, "Outlet " + article, text);

    [Fact]
    public void NormalisingCaseQuotesAndWhitespaceLeavesTheSameWords()
    {
        Assert.Equal(
            SharedCopyDetector.NormalisedWords("“The advance is going according to plan,” a source said."),
            SharedCopyDetector.NormalisedWords("\"the ADVANCE  is going\taccording to plan\" a source said"));
        Assert.Equal(["assads", "forces"], SharedCopyDetector.NormalisedWords("Assad’s forces"));
    }

    [Fact]
    public void AQuoteLiftedWholeIntoALongerSentenceIsSharedBothWays()
    {
        var shared = SharedCopyDetector.Detect([
            S(1, 10, "The advance is going according to plan and is sometimes faster than expected.\""),
            S(2, 20, "“The advance is going according to plan and is sometimes faster than expected,” a Syrian military source told Reuters."),
        ]);
        Assert.Equal(20, Assert.Single(shared.With(1)).ArticleId);
        Assert.Equal(10, Assert.Single(shared.With(2)).ArticleId);
    }

    [Fact]
    public void SentencesOfTheSameArticleAreNeverSharedCopy()
    {
        const string caption = "People who left the eastern districts of Aleppo carry their belongings as they walk.";
        Assert.Equal(0, SharedCopyDetector.Detect([S(1, 10, caption), S(2, 10, caption)]).Count);
    }

    [Fact]
    public void AStockPhraseShorterThanTheMinimumRunIsNotSharedCopy()
    {
        // Six words in common: four 3-word shingles, below the minimum of five.
        var shared = SharedCopyDetector.Detect([
            S(1, 10, "Rebels in east Aleppo on Friday said so."),
            S(2, 20, "Rebels in east Aleppo on Friday were shelled."),
        ]);
        Assert.Equal(0, shared.Count);
    }

    [Fact]
    public void BelowTheContainmentThresholdIsNotSharedCopy()
    {
        // Seven words in common (five shingles) out of much longer sentences: containment well under 80%.
        var shared = SharedCopyDetector.Detect([
            S(1, 10, "Government forces pressed an offensive in Aleppo on Thursday night while aid agencies warned of hunger in the besieged districts."),
            S(2, 20, "Observers say government forces pressed an offensive in Aleppo on Thursday night, but the opposition denied losing any ground at all."),
        ]);
        Assert.Equal(0, shared.Count);
    }

    [Fact]
    public void ContainmentJustUnderTheThresholdIsNotSharedCopy()
    {
        // Shorter sentence: 12 words, 10 shingles; its first 9 words (7 shingles, 70%) are in the other.
        var shared = SharedCopyDetector.Detect([
            S(1, 10, "Buses waited for hours at the Ramouseh crossing while negotiators argued today"),
            S(2, 20, "Buses waited for hours at the Ramouseh crossing while the talks stalled again in Ankara"),
        ]);
        Assert.Equal(0, shared.Count);
    }

    [Fact]
    public void ContainmentAtTheThresholdIsSharedCopy()
    {
        // Shorter sentence: 12 words, 10 shingles; its first 10 words (8 shingles, 80%) are in the other.
        var shared = SharedCopyDetector.Detect([
            S(1, 10, "Buses waited for hours at the Ramouseh crossing while the drivers slept"),
            S(2, 20, "Buses waited for hours at the Ramouseh crossing while the talks stalled again in Ankara"),
        ]);
        Assert.True(shared.IsShared(1));
        Assert.True(shared.IsShared(2));
    }

    [Fact]
    public void PrefixFilteringFindsExactlyThePairsThatComparingEveryPairFinds()
    {
        // Sentences recombined from a few clauses, so that many pairs overlap by more or less than the threshold.
        string[] clauses = ["government forces advanced in the old city", "rebels said they still held the district", "a military source told state television",
            "at least twelve people were killed in air strikes", "the observatory said on friday night", "aid agencies warned of hunger in the east",
            "buses waited for hours at the crossing", "residents fled towards the west of the city"];
        var random = new Random(3);
        var sentences = Enumerable.Range(1, 400).Select(id =>
        {
            var words = Enumerable.Range(0, random.Next(1, 4)).SelectMany(_ => clauses[random.Next(clauses.Length)].Split(' ')).ToList();
            if (random.Next(3) == 0) words.Insert(random.Next(words.Count), "reportedly");
            if (random.Next(3) == 0) words.RemoveAt(random.Next(words.Count));
            return S(id, random.Next(1, 120), string.Join(' ', words));
        }).ToList();

        var shared = SharedCopyDetector.Detect(sentences);

        var sets = sentences.ToDictionary(s => s.SentenceId, s => SharedCopyDetector.Shingles(SharedCopyDetector.NormalisedWords(s.Text)).ToHashSet());
        foreach (var a in sentences)
        {
            var expected = sentences.Where(b => b.ArticleId != a.ArticleId && Copy(sets[a.SentenceId], sets[b.SentenceId]))
                .OrderBy(b => b.ArticleId).ThenBy(b => b.Index).Select(b => b.SentenceId).ToList();
            Assert.Equal(expected.Count > 0, shared.IsShared(a.SentenceId));
            Assert.Equal(expected.Count, shared.CopiesOf(a.SentenceId));
            Assert.Equal(expected.Take(SharedCopyDetector.MaxListed), shared.With(a.SentenceId).Select(w => w.SentenceId));
        }
        Assert.True(shared.Count > 50, "the sample has plenty of shared copy");
        Assert.True(shared.Count < sentences.Count, "and sentences that are not");
    }

    static bool Copy(HashSet<long> a, HashSet<long> b)
    {
        var common = a.Count(b.Contains);
        return common >= SharedCopyDetector.MinSharedShingles && common >= SharedCopyDetector.MinContainment * Math.Min(a.Count, b.Count);
    }

    [Fact]
    public void ALineRepeatedInManyArticlesListsTheFirstCopiesAndCountsThemAll()
    {
        const string line = "The advance is going according to plan and is sometimes faster than expected.";
        var shared = SharedCopyDetector.Detect(Enumerable.Range(1, 200).Select(i => S(i, i, line)));
        Assert.Equal(200, shared.Count);
        Assert.Equal(199, shared.CopiesOf(7));
        Assert.Equal([1, 2, 3, 4, 5], shared.With(7, 5).Select(w => w.ArticleId));
        Assert.Equal(SharedCopyDetector.MaxListed, shared.With(1).Count);
        Assert.Equal(2, shared.With(1)[0].ArticleId);
    }
}
