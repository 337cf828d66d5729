using AleppoDashboard.Data.Filtering;

namespace AleppoDashboard.Web.Filtering;

/// <summary>Links to one sentence of an article page (its element id is s + the sentence index), keeping the reader's filter.</summary>
public static class SentenceLinks
{
    public static string Of(int articleId, int sentenceIndex, DashboardFilter? filter = null) =>
        FilterLinks.Article(articleId, filter, sentenceIndex);
}
