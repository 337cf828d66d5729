namespace AleppoDashboard.Data.Facts;

/// <summary>One occurrence of a lexicon term in a sentence.</summary>
public sealed class FramingTermHit : SentenceSpan
{
    public required string TermId { get; set; }
    public Reference.FramingTerm Term { get; set; } = null!;
}
