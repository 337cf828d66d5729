using AleppoDashboard.Data.Queries.Compare;

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
        Assert.Equal(20, Assert.Single(shared[1]).ArticleId);
        Assert.Equal(10, Assert.Single(shared[2]).ArticleId);
    }

    [Fact]
    public void SentencesOfTheSameArticleAreNeverSharedCopy()
    {
        const string caption = "People who left the eastern districts of Aleppo carry their belongings as they walk.";
        Assert.Empty(SharedCopyDetector.Detect([S(1, 10, caption), S(2, 10, caption)]));
    }

    [Fact]
    public void AStockPhraseShorterThanTheMinimumRunIsNotSharedCopy()
    {
        // Six words in common: four 3-word shingles, below the minimum of five.
        var shared = SharedCopyDetector.Detect([
            S(1, 10, "Rebels in east Aleppo on Friday said so."),
            S(2, 20, "Rebels in east Aleppo on Friday were shelled."),
        ]);
        Assert.Empty(shared);
    }

    [Fact]
    public void BelowTheContainmentThresholdIsNotSharedCopy()
    {
        // Seven words in common (five shingles) out of much longer sentences: containment well under 80%.
        var shared = SharedCopyDetector.Detect([
            S(1, 10, "Government forces pressed an offensive in Aleppo on Thursday night while aid agencies warned of hunger in the besieged districts."),
            S(2, 20, "Observers say government forces pressed an offensive in Aleppo on Thursday night, but the opposition denied losing any ground at all."),
        ]);
        Assert.Empty(shared);
    }

    [Fact]
    public void ContainmentJustUnderTheThresholdIsNotSharedCopy()
    {
        // Shorter sentence: 12 words, 10 shingles; its first 9 words (7 shingles, 70%) are in the other.
        var shared = SharedCopyDetector.Detect([
            S(1, 10, "Buses waited for hours at the Ramouseh crossing while negotiators argued today"),
            S(2, 20, "Buses waited for hours at the Ramouseh crossing while the talks stalled again in Ankara"),
        ]);
        Assert.Empty(shared);
    }

    [Fact]
    public void ContainmentAtTheThresholdIsSharedCopy()
    {
        // Shorter sentence: 12 words, 10 shingles; its first 10 words (8 shingles, 80%) are in the other.
        var shared = SharedCopyDetector.Detect([
            S(1, 10, "Buses waited for hours at the Ramouseh crossing while the drivers slept"),
            S(2, 20, "Buses waited for hours at the Ramouseh crossing while the talks stalled again in Ankara"),
        ]);
        Assert.True(shared.ContainsKey(1));
        Assert.True(shared.ContainsKey(2));
    }
}
