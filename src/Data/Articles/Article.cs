namespace AleppoDashboard.Data.Articles;

/// <summary>One ingested article file. Raw text is kept as loaded; sentences and facts are derived from it.</summary>
public sealed class Article
{
    public int Id { get; set; }
    public int OutletId { get; set; }
    public Outlet Outlet { get; set; } = null!;
    public ValueOrigin OutletOrigin { get; set; }
    public required string Headline { get; set; }
    public required string Body { get; set; }
    public DateOnly? Published { get; set; }
    public DatePrecision PublishedPrecision { get; set; }
    public ValueOrigin PublishedOrigin { get; set; }
    public string? Url { get; set; }
    /// <summary>
    /// The article's language as a BCP 47 tag (<c>en</c>, <c>ar</c>), or null when not known (articles loaded before the
    /// column existed, read as English). Facts are extracted from English articles only.
    /// </summary>
    public string? Language { get; set; }
    public ValueOrigin LanguageOrigin { get; set; }
    public required string SourceFile { get; set; }
    public required string ContentHash { get; set; }
    public DateTimeOffset IngestedAt { get; set; }
    public int Words { get; set; }
    /// <summary>Manifest notes and ingest warnings, one per line.</summary>
    public string? Notes { get; set; }
    public List<Sentence> Sentences { get; set; } = [];
}
