using AleppoDashboard.Data.Facts;
using AleppoDashboard.Ingest.Extraction;

namespace AleppoDashboard.Ingest.Tests.Extraction.Arabic;

/// <summary>Arabic articles made as the ingest makes them, with language ar, run through the shared extractor.</summary>
public static class ArabicText
{
    public static ExtractedFacts Extract(string body, string headline = "عنوان")
    {
        var article = TestExtraction.ArticleFromText(headline + "\n\n" + body, "منفذ تجريبي");
        article.Language = "ar";
        return TestExtraction.Extractor.Extract(article);
    }

    public static List<(string Place, string Text)> Places(string body) =>
        Extract(body).Mentions.Select(m => (m.PlaceId, m.MatchedText)).ToList();

    public static (double Value, string Kind, string Scope) Claim(string body)
    {
        var claim = Assert.Single(Extract(body).Claims);
        return (claim.ValuePercent, claim.Kind.ToText(), claim.Scope);
    }
}
