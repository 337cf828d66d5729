using AleppoDashboard.Data.Facts;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>Everything extraction found in one article, ready to be added to the database.</summary>
public sealed record ExtractedFacts(
    IReadOnlyList<PlaceMention> Mentions,
    IReadOnlyList<ControlClaim> Claims,
    IReadOnlyList<SourceAttribution> Attributions,
    IReadOnlyList<FramingTermHit> TermHits)
{
    public static readonly ExtractedFacts None = new([], [], [], []);

    public int Count => Mentions.Count + Claims.Count + Attributions.Count + TermHits.Count;
}
