using System.Text.RegularExpressions;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Ingest.Text;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>Derives an article's sentences from its headline and body; the headline is sentence 0.</summary>
public static partial class ArticleBuilder
{
    public static List<Sentence> SentencesOf(Article article)
    {
        var sentences = new List<Sentence>
        {
            new() { Article = article, Index = 0, Part = TextPart.Headline, Start = 0, Length = article.Headline.Length, Text = article.Headline },
        };
        foreach (var (start, length) in SentenceSplitter.Split(article.Body))
        {
            sentences.Add(new Sentence
            {
                Article = article,
                Index = sentences.Count,
                Part = TextPart.Body,
                Start = start,
                Length = length,
                Text = article.Body.Substring(start, length),
            });
        }
        return sentences;
    }

    public static int CountWords(string text) => Word().Count(text);

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
