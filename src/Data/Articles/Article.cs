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
    public required string SourceFile { get; set; }
    public required string ContentHash { get; set; }
    public DateTimeOffset IngestedAt { get; set; }
    public int Words { get; set; }
    /// <summary>Manifest notes and ingest warnings, one per line.</summary>
    public string? Notes { get; set; }
    public List<Sentence> Sentences { get; set; } = [];
}
