namespace AleppoDashboard.Data.Reference;

/// <summary>
/// A row of Reference/sources.csv: how one source is named in text. When <see cref="NeedsSpeech"/> is set the
/// name only counts as a citation next to a speech verb ("rebels said"), because it is also an ordinary actor.
/// <see cref="Side"/> (gov, rebel or null) says whose "we" the source speaks for ("we still hold half").
/// </summary>
public sealed record SourcePattern(string Name, string Kind, IReadOnlyList<string> Patterns, bool NeedsSpeech, string? Side = null);
