using AleppoDashboard.Data.Articles;

namespace AleppoDashboard.Ingest.Metadata;

/// <summary>Outlet, date and URL of one article, each with how it was established.</summary>
public sealed record ArticleMetadata(
    string OutletSlug,
    string OutletName,
    ValueOrigin OutletOrigin,
    DateReading? Published,
    ValueOrigin PublishedOrigin,
    string? Url,
    IReadOnlyList<string> Notes);
