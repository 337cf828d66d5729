using AleppoDashboard.Ingest.Extraction.Arabic;

namespace AleppoDashboard.Ingest.Tests.Extraction.Arabic;

/// <summary>
/// The phrase table on tokens numbered by the words of its tables (<see cref="ArabicWords"/>): whole phrases, a clitic
/// on the first word, stems, and what a word no table has gets.
/// </summary>
public class ArabicPhraseTableTests
{
    static (ArabicPhraseTable<string> Table, ArabicWords Words) Table(params (string Phrase, string Value)[] phrases)
    {
        var words = new ArabicWords();
        var table = new ArabicPhraseTable<string>(words);
        foreach (var (phrase, value) in phrases) table.Add(phrase, value);
        return (table, words);
    }

    static List<(string Value, int First, int End, int Strip)> Find(ArabicPhraseTable<string> table, ArabicWords words, string text) =>
        [.. table.FindAll(ArabicTokenizer.Tokenize(text, words)).Select(m => (m.Value, m.First, m.End, m.Strip))];

    [Fact]
    public void TheLongestPhraseAtAWordWins()
    {
        var (table, words) = Table(("بستان", "garden"), ("بستان القصر", "bustan"), ("القصر", "palace"));
        Assert.Equal([("bustan", 2, 4, 0)], Find(table, words, "دخل الجيش بستان القصر"));
        Assert.Equal([("garden", 0, 1, 0), ("palace", 2, 3, 0)], Find(table, words, "بستان كبير القصر"));
    }

    [Fact]
    public void AConjunctionAndAPrepositionOnTheFirstWordAreLeftOut()
    {
        var (table, words) = Table(("بستان القصر", "bustan"), ("مساكن هنانو", "hanano"));
        Assert.Equal([("bustan", 0, 2, 1)], Find(table, words, "وبستان القصر"));
        Assert.Equal([("hanano", 0, 2, 2)], Find(table, words, "وبمساكن هنانو"));
        Assert.Equal([("hanano", 0, 2, 1)], Find(table, words, "لمساكن هنانو"));
        // only the first word may carry one (a و before an article is the normalisation's, so "والقصر" would do)
        Assert.Empty(Find(table, words, "مساكن وهنانو"));
    }

    [Fact]
    public void AStemMatchesAWordThatContainsItAndTheFirstStemAddedWins()
    {
        var (table, words) = Table(("سيطر*", "hold"), ("خسر*", "lose"), ("طرت*", "other"));
        Assert.Equal([("hold", 0, 1, 0)], Find(table, words, "وسيطرت"));
        Assert.Equal([("lose", 1, 2, 0)], Find(table, words, "الجيش يخسر"));
        Assert.Equal([("other", 0, 1, 0)], Find(table, words, "مطرته"));
        Assert.Empty(Find(table, words, "سيارة"));
    }

    [Fact]
    public void TokensGetTheNumbersOfTheirFormsAndUnknownWordsNone()
    {
        var (_, words) = Table(("القصر", "palace"), ("بستان", "garden"));
        var tokens = ArabicTokenizer.Tokenize("وبالقصر فبستان سيارة", words);
        Assert.Equal("القصر", tokens[0].Text); // the normalisation took وب off the article
        Assert.Equal(words.IdOf("القصر"), tokens[0].Id);
        Assert.Equal(words.IdOf("بستان"), tokens[1].IdWithoutConjunction);
        Assert.Equal(-1, tokens[1].Id);
        Assert.Equal(-1, tokens[2].Id);
        Assert.Equal("سيارة".Replace('ة', 'ه'), tokens[2].Text);
    }
}
