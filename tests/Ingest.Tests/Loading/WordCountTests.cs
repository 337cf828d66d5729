using System.Text.RegularExpressions;
using AleppoDashboard.Ingest.Loading;

namespace AleppoDashboard.Ingest.Tests.Loading;

/// <summary>
/// An article's word count (articles.Words) is counted without a regular expression; it must give what the pattern
/// that defines a word gives, for ordinary, tricky and random text.
/// </summary>
public class WordCountTests
{
    static int CountedByPattern(string text) => Regex.Count(text, ArticleBuilder.WordPattern);

    [Theory]
    [InlineData("", 0)]
    [InlineData("Aleppo", 1)]
    [InlineData("Assad's forces", 2)]
    [InlineData("al-Sukkari and Bustan al-Qasr", 4)]
    [InlineData("a--b", 2)]
    [InlineData("-rebels- 'said' x'", 3)]
    [InlineData("it’s 93% of ½ and Ⅻ²", 6)]
    [InlineData("حلب الشرقية، 2016", 3)]
    [InlineData("e\u0301t\u00e9 rock'n'roll", 3)]
    [InlineData("😀 emoji 😀x", 2)]
    public void CountsWhatThePatternMatches(string text, int words)
    {
        Assert.Equal(words, CountedByPattern(text));
        Assert.Equal(words, ArticleBuilder.CountWords(text));
    }

    [Fact]
    public void CountsWhatThePatternMatchesInTheSeedsAndInRandomText()
    {
        var seeds = Directory.EnumerateFiles(AleppoDashboard.TestSupport.RepoPaths.Seeds, "*.txt").Select(File.ReadAllText).ToList();
        Assert.NotEmpty(seeds);
        var random = new Random(7);
        const string alphabet = "ab1 '’-\n.,½Ⅻ²حل\u0301\ud83d\ude00";
        var texts = seeds.Concat(Enumerable.Range(0, 2000).Select(_ => new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())));
        foreach (var text in texts)
        {
            Assert.Equal(CountedByPattern(text), ArticleBuilder.CountWords(text));
        }
    }
}
