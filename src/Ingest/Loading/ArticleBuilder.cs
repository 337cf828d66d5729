using System.Globalization;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Text;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Text;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>Derives an article's sentences from its headline and body; the headline is sentence 0.</summary>
public static class ArticleBuilder
{
    public static List<Sentence> SentencesOf(Article article)
    {
        var sentences = new List<Sentence>
        {
            new() { Article = article, Index = 0, Part = TextPart.Headline, Start = 0, Length = article.Headline.Length, Text = article.Headline, SearchText = SearchFolding.IndexTextOf(article.Headline) },
        };
        var paragraphs = new ParagraphCounter(article.Body);
        foreach (var (start, length) in SentenceSplitter.Split(article.Body))
        {
            var text = article.Body.Substring(start, length);
            sentences.Add(new Sentence
            {
                Article = article,
                Index = sentences.Count,
                Paragraph = paragraphs.At(start),
                Part = TextPart.Body,
                Start = start,
                Length = length,
                Text = text,
                SearchText = SearchFolding.IndexTextOf(text),
            });
        }
        return sentences;
    }

    /// <summary>The words of an article read from a file: its headline's and its body's.</summary>
    public static int WordsOf(LoadedText text) => CountWords(text.Headline) + CountWords(text.Body);

    /// <summary>
    /// Words of the text: runs of letters and digits, where a single apostrophe or hyphen between two such runs joins
    /// them into one word (Assad's, al-Sukkari) — the matches of <see cref="WordPattern"/>, counted in one pass over the
    /// text without the regex, since the ingest's writer thread counts every article (figure: benchmarks/PERFORMANCE.md).
    /// </summary>
    public static int CountWords(string text)
    {
        var words = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsWordChar(text[i])) continue;
            // A word starts here unless it continues one: the previous character is part of it, or is a joiner right after it.
            var continues = i > 0 && (IsWordChar(text[i - 1]) || (IsJoiner(text[i - 1]) && i > 1 && IsWordChar(text[i - 2])));
            if (!continues) words++;
        }
        return words;
    }

    /// <summary>What a word is, as a regular expression (the definition <see cref="CountWords"/> follows).</summary>
    public const string WordPattern = @"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*";

    static bool IsJoiner(char c) => c is '\'' or '’' or '-';

    /// <summary>A letter or a number (<c>\p{L}</c> or <c>\p{N}</c>: digits, but also ², ½ or Ⅻ).</summary>
    static bool IsWordChar(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };
}
