using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>Places a found fact in its sentence: the article, the sentence, the span and the words it covers.</summary>
public static class FactSpans
{
    public static T Span<T>(T fact, Article article, Sentence sentence, int start, int end) where T : SentenceSpan
    {
        fact.Article = article;
        fact.Sentence = sentence;
        fact.Start = start;
        fact.Length = end - start;
        fact.MatchedText = sentence.Text.Substring(start, end - start);
        return fact;
    }
}
