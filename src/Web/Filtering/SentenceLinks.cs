using System.Globalization;

namespace AleppoDashboard.Web.Filtering;

/// <summary>Links to one sentence of an article page (its element id is s + the sentence index).</summary>
public static class SentenceLinks
{
    public static string Of(int articleId, int sentenceIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"/articles/{articleId}#s{sentenceIndex}");
}
