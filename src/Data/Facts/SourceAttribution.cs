namespace AleppoDashboard.Data.Facts;

/// <summary>A source an article cites (Reuters, SANA, SOHR, a military source, ...).</summary>
public sealed class SourceAttribution : SentenceSpan
{
    /// <summary>Canonical source name, e.g. "Syrian Observatory for Human Rights".</summary>
    public required string Source { get; set; }
    /// <summary>wire, state-media, monitor, military, official, un, media, other.</summary>
    public required string SourceKind { get; set; }
}
