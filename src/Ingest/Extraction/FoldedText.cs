namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// Text folded for matching (see <see cref="TextFolding"/>) with, for each folded character, the index of
/// the original character it came from, so that a match in the folded text maps back to an exact span.
/// The folded characters are the first <see cref="Length"/> of <see cref="Chars"/>, which may be a thread's reused
/// buffer (<see cref="TextFolding.FoldWithThreadBuffers"/>): the extractor reads them without making a string of them.
/// </summary>
public sealed class FoldedText(string original, char[] chars, int length, int[] map, int[] wordStarts, int words)
{
    string? folded;

    public string Original { get; } = original;

    /// <summary>The folded characters as a string (made on first use).</summary>
    public string Folded => folded ??= new string(chars, 0, length);

    public ReadOnlySpan<char> Span => chars.AsSpan(0, length);

    internal char[] Chars => chars;
    public int Length => length;

    /// <summary>Where the folded words start (a word character after a non-word one), in order.</summary>
    public ReadOnlySpan<int> WordStarts => wordStarts.AsSpan(0, words);

    /// <summary>Original start of the folded range [start, end).</summary>
    public int OriginalStart(int foldedStart) => map[foldedStart];

    /// <summary>Original end (exclusive) of the folded range [start, end): just after the last folded character's source.</summary>
    public int OriginalEnd(int foldedEnd) => map[foldedEnd - 1] + 1;
}
