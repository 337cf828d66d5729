namespace AleppoDashboard.Data.Reference;

/// <summary>A lexicon row: one term an outlet may choose, in a group of terms for the same actor or act.</summary>
public sealed class FramingTerm
{
    /// <summary>Stable slug, e.g. <c>terrorists</c>.</summary>
    public required string Id { get; set; }
    /// <summary>The term as shown, e.g. "terrorists".</summary>
    public required string Label { get; set; }
    /// <summary>Group slug, e.g. <c>fighters</c>, <c>government</c>, <c>capture</c>.</summary>
    public required string Group { get; set; }
    public required string GroupLabel { get; set; }
    /// <summary>Surface forms matched in text, separated by <c>|</c>.</summary>
    public string Variants { get; set; } = "";
}
