namespace AleppoDashboard.Data.Facts;

/// <summary>A gazetteer place named in a sentence.</summary>
public sealed class PlaceMention : SentenceSpan
{
    public required string PlaceId { get; set; }
    public Reference.Place Place { get; set; } = null!;
}
