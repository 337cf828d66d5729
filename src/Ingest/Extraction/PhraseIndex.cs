namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// One character trie over the folded phrases of every kind extraction looks for (place names, sources, framing
/// terms, number words), each phrase tagged with its kind. <see cref="Find"/> walks a folded text once, from each
/// word start, and gives for every kind its whole-word matches, leftmost and longest first, never overlapping
/// within a kind. The text is read in one pass however many names and kinds there are.
/// </summary>
public sealed class PhraseIndex
{
    sealed class Node
    {
        public char[] Keys = [];
        public Node[] Children = [];
        public object?[]? Values;
        /// <summary>For a node with many children (such as the one after "al "), a direct table of its ASCII children.</summary>
        public Node?[]? Ascii;

        public Node? Next(char c)
        {
            if (Ascii is not null && c < 128) return Ascii[c];
            var keys = Keys;
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] == c) return Children[i];
            }
            return null;
        }

        public Node Add(char c)
        {
            if (Next(c) is { } existing) return existing;
            var child = new Node();
            Keys = [.. Keys, c];
            Children = [.. Children, child];
            if (Keys.Length > WideNode)
            {
                Ascii = new Node?[128];
                for (var i = 0; i < Keys.Length; i++)
                {
                    if (Keys[i] < 128) Ascii[Keys[i]] = Children[i];
                }
                if (Keys.Any(k => k >= 128)) Ascii = null; // a non-ASCII child: keep the plain scan
            }
            return child;
        }
    }

    const int WideNode = 4;

    static readonly List<PhraseHit<object>> None = [];

    readonly Node root = new();
    readonly Node?[] firstLevel = new Node?[128];
    readonly List<bool> allowsS = [];

    /// <summary>A new kind of phrase; with <paramref name="pluralOrPossessive"/> a match may be followed by "s" or "'s" (a plural s belongs to the span, a possessive 's does not).</summary>
    public int AddKind(bool pluralOrPossessive)
    {
        allowsS.Add(pluralOrPossessive);
        return allowsS.Count - 1;
    }

    /// <summary>Adds a phrase (folded here by <see cref="TextFolding"/>) of a kind; the first value added for a phrase and kind wins.</summary>
    public void Add(int kind, string phrase, object value)
    {
        var folded = TextFolding.FoldPhrase(phrase);
        if (folded.Length == 0) return;
        var node = root;
        foreach (var c in folded) node = node.Add(c);
        node.Values ??= new object?[allowsS.Count];
        if (node.Values.Length < allowsS.Count) Array.Resize(ref node.Values, allowsS.Count);
        node.Values[kind] ??= value;
        if (folded[0] < 128) firstLevel[folded[0]] = root.Next(folded[0]);
    }

    /// <summary>Matches per kind (indexed by kind), with spans in the original text.</summary>
    public List<PhraseHit<object>>[] Find(FoldedText text)
    {
        var kinds = allowsS.Count;
        var hits = new List<PhraseHit<object>>[kinds];
        for (var k = 0; k < kinds; k++) hits[k] = None;
        Span<int> nextStart = stackalloc int[kinds];
        Span<int> bestEnd = stackalloc int[kinds];
        var bestValue = new object?[kinds];
        var f = text.Folded;
        var previousIsWord = false;
        for (var i = 0; i < f.Length; i++)
        {
            var c0 = f[i];
            var isWord = TextFolding.IsWordChar(c0);
            var wordStart = isWord && !previousIsWord;
            previousIsWord = isWord;
            if (!wordStart) continue;
            var node = c0 < 128 ? firstLevel[c0] : root.Next(c0);
            if (node is null) continue;
            bestEnd.Fill(-1);
            var any = false;
            var end = i + 1;
            while (node is not null)
            {
                if (node.Values is { } values)
                {
                    for (var k = 0; k < values.Length; k++)
                    {
                        if (values[k] is { } value && i >= nextStart[k] && EndsWord(f, end, allowsS[k]) >= 0)
                        {
                            bestEnd[k] = end;
                            bestValue[k] = value;
                            any = true;
                        }
                    }
                }
                if (end >= f.Length) break;
                node = node.Next(f[end]);
                end++;
            }
            if (!any) continue;
            for (var k = 0; k < kinds; k++)
            {
                if (bestEnd[k] < 0) continue;
                var suffixEnd = EndsWord(f, bestEnd[k], allowsS[k]);
                var start = text.OriginalStart(i);
                var originalEnd = text.OriginalEnd(bestEnd[k]);
                if (suffixEnd > bestEnd[k] && !IsPossessive(text.Original, originalEnd))
                {
                    originalEnd = text.OriginalEnd(suffixEnd);
                }
                if (ReferenceEquals(hits[k], None)) hits[k] = [];
                hits[k].Add(new PhraseHit<object>(start, originalEnd - start, bestValue[k]!));
                nextStart[k] = suffixEnd;
            }
        }
        return hits;
    }

    /// <summary>Where the word that ends at <paramref name="end"/> really ends (after a plural/possessive s), or -1 if it goes on.</summary>
    static int EndsWord(string f, int end, bool allowS)
    {
        if (end >= f.Length || !TextFolding.IsWordChar(f[end])) return end;
        if (allowS && f[end] == 's' && (end + 1 >= f.Length || !TextFolding.IsWordChar(f[end + 1]))) return end + 1;
        return -1;
    }

    static bool IsPossessive(string original, int end) => end < original.Length && TextFolding.IsApostrophe(original[end]);
}
