using AleppoDashboard.Data.Articles;
using AleppoDashboard.Ingest.Extraction;
using AleppoDashboard.Ingest.Text;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// An article's sentences and facts, derived from its text and outlet name alone, before the article is stored
/// (so the ingest can derive the next batch on another thread while the current one is written).
/// <see cref="DerivedRowWriter"/> points them at the stored article when it writes them.
/// </summary>
internal sealed record DerivedRows(List<Sentence> Sentences, ExtractedFacts Facts, string? OutletName)
{
    /// <summary>
    /// Sentences and facts of the text. <see cref="FactExtractor"/> keeps its scratch tables per thread. The extractor
    /// reads English and Arabic: an article in another language gets its sentences (to read and search) but no facts.
    /// </summary>
    public static DerivedRows Of(string headline, string body, string? outletName, FactExtractor extractor, string? language = null)
    {
        var draft = new Article
        {
            Headline = headline, Body = body, SourceFile = "", ContentHash = "", Language = language, Outlet = outletName is null ? null! : new Outlet { Slug = "", Name = outletName },
        };
        draft.Sentences = ArticleBuilder.SentencesOf(draft);
        var facts = LanguageGuess.IsEnglishOrUnknown(language) || FactExtractor.IsArabic(language) ? extractor.Extract(draft) : ExtractedFacts.None;
        return new(draft.Sentences, facts, outletName);
    }

    /// <summary>The rows of an article as it stands (its outlet set).</summary>
    public static DerivedRows Of(Article article, FactExtractor extractor) =>
        Of(article.Headline, article.Body, article.Outlet?.Name, extractor, article.Language);
}
