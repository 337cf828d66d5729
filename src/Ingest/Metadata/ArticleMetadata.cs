using AleppoDashboard.Data.Articles;

namespace AleppoDashboard.Ingest.Metadata;

/// <summary>
/// Outlet, date, URL and language of one article, each with how it was established. <see cref="Origins"/> says where
/// each field came from in words ("manifest", "og:site_name", "JSON-LD datePublished", "the text's dateline").
/// </summary>
public sealed record ArticleMetadata(
    string OutletSlug,
    string OutletName,
    ValueOrigin OutletOrigin,
    DateReading? Published,
    ValueOrigin PublishedOrigin,
    string? Url,
    IReadOnlyList<string> Notes)
{
    public string? Language { get; init; }
    public ValueOrigin LanguageOrigin { get; init; }
    public string? Author { get; init; }
    /// <summary>Where each field came from, by field name (headline, outlet, published, url, author, language).</summary>
    public IReadOnlyDictionary<string, string> Origins { get; init; } = new Dictionary<string, string>();
}
