namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// Text folded for matching (see <see cref="TextFolding"/>) with, for each folded character, the index of
/// the original character it came from, so that a match in the folded text maps back to an exact span.
/// </summary>
public sealed class FoldedText(string original, string folded, int[] map)
{
    public string Original { get; } = original;
    public string Folded { get; } = folded;

    /// <summary>Original start of the folded range [start, end).</summary>
    public int OriginalStart(int foldedStart) => map[foldedStart];

    /// <summary>Original end (exclusive) of the folded range [start, end): just after the last folded character's source.</summary>
    public int OriginalEnd(int foldedEnd) => map[foldedEnd - 1] + 1;
}
