namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// Finds phrases of a <see cref="PhraseTrie{T}"/> in a text, whole words only, leftmost and longest first,
/// never overlapping. With <see cref="AllowPluralOrPossessive"/> a match may be followed by "s" or "'s":
/// a plural "s" belongs to the span, a possessive "'s" does not ("Aleppo's" gives "Aleppo").
/// </summary>
public sealed class PhraseMatcher<T>(PhraseTrie<T> trie, bool allowPluralOrPossessive) where T : class
{
    public bool AllowPluralOrPossessive { get; } = allowPluralOrPossessive;

    public List<PhraseHit<T>> Find(FoldedText text)
    {
        var hits = new List<PhraseHit<T>>();
        var f = text.Folded;
        var i = 0;
        while (i < f.Length)
        {
            if (!IsWordChar(f[i]) || i > 0 && IsWordChar(f[i - 1]))
            {
                i++;
                continue;
            }
            var (end, value) = trie.LongestAt(f, i, e => EndsWord(f, e) >= 0);
            if (value is null)
            {
                i++;
                continue;
            }
            var suffixEnd = EndsWord(f, end);
            var start = text.OriginalStart(i);
            var originalEnd = text.OriginalEnd(end);
            if (suffixEnd > end && !IsPossessive(text.Original, originalEnd))
            {
                originalEnd = text.OriginalEnd(suffixEnd);
            }
            hits.Add(new PhraseHit<T>(start, originalEnd - start, value));
            i = suffixEnd;
        }
        return hits;
    }

    /// <summary>Where the word that ends at <paramref name="end"/> really ends (after a plural/possessive s), or -1 if it goes on.</summary>
    int EndsWord(string f, int end)
    {
        if (end >= f.Length || !IsWordChar(f[end])) return end;
        if (AllowPluralOrPossessive && f[end] == 's' && (end + 1 >= f.Length || !IsWordChar(f[end + 1]))) return end + 1;
        return -1;
    }

    static bool IsPossessive(string original, int end) => end < original.Length && TextFolding.IsApostrophe(original[end]);

    static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
