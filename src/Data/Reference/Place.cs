namespace AleppoDashboard.Data.Reference;

/// <summary>A gazetteer row (data/aleppo-neighbourhoods.csv), loaded into the database at start.</summary>
public sealed class Place
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Aliases separated by <c>|</c>, as in the CSV.</summary>
    public string Aliases { get; set; } = "";
    public string? NameAr { get; set; }
    /// <summary>Other Arabic spellings separated by <c>|</c>, as in the CSV (read by extraction only, not stored).</summary>
    public string AliasesAr { get; set; } = "";
    public required string Kind { get; set; }
    public required string Sector { get; set; }
    public double Lat { get; set; }
    public double Lon { get; set; }
    public required string Confidence { get; set; }
    public string? Source { get; set; }
    public string? Notes { get; set; }
}
