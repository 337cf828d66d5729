using AleppoDashboard.Ingest.Metadata;

namespace AleppoDashboard.Ingest.Files;

/// <summary>
/// A value a file states about its article, and where in the file it was found ("JSON-LD datePublished",
/// "og:site_name", "the URL's date"). <paramref name="Guessed"/> marks values inferred rather than stated
/// (a date read from the URL's path): they rank below stated ones and are stored as heuristic.
/// </summary>
public sealed record Found<T>(T Value, string From, bool Guessed = false);

/// <summary>
/// What a file says about its article besides the text: from a saved page's meta tags and JSON-LD, a JSON Lines
/// record's fields, or a feed item. Each value keeps where it came from. A manifest row wins over these.
/// </summary>
public sealed record DocumentMetadata
{
    public Found<string>? Headline { get; init; }
    public Found<DateReading>? Published { get; init; }
    public Found<string>? Outlet { get; init; }
    public Found<string>? Url { get; init; }
    public Found<string>? Author { get; init; }
    /// <summary>A language tag as the file states it (<c>en</c>, <c>ar</c>, <c>en-GB</c>).</summary>
    public Found<string>? Language { get; init; }
}
