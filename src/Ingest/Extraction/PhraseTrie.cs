namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// A character trie of folded phrases, each with a value. Built once; read by <see cref="PhraseMatcher{T}"/>
/// walking forward from each word start, so a text is scanned in one pass however many phrases there are.
/// </summary>
public sealed class PhraseTrie<T> where T : class
{
    sealed class Node
    {
        public char[] Keys = [];
        public Node[] Children = [];
        public T? Value;

        public Node? Next(char c)
        {
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
            return child;
        }
    }

    readonly Node root = new();
    readonly Node?[] firstLevel = new Node?[128];

    public int Count { get; private set; }

    /// <summary>Adds a folded phrase; the first value added for a phrase wins.</summary>
    public void Add(string foldedPhrase, T value)
    {
        if (foldedPhrase.Length == 0) return;
        var node = root;
        foreach (var c in foldedPhrase) node = node.Add(c);
        if (node.Value is not null) return;
        node.Value = value;
        Count++;
        if (foldedPhrase[0] < 128) firstLevel[foldedPhrase[0]] = root.Next(foldedPhrase[0]);
    }

    /// <summary>
    /// Walks <paramref name="text"/> from <paramref name="start"/> and calls <paramref name="accept"/> for every phrase
    /// that ends there, shortest first; returns the longest accepted (end, value), or (-1, null).
    /// </summary>
    public (int End, T? Value) LongestAt(string text, int start, Func<int, bool> accept)
    {
        var c0 = text[start];
        var node = c0 < 128 ? firstLevel[c0] : root.Next(c0);
        var best = (-1, (T?)null);
        var i = start + 1;
        while (node is not null)
        {
            if (node.Value is not null && accept(i)) best = (i, node.Value);
            if (i >= text.Length) break;
            node = node.Next(text[i]);
            i++;
        }
        return best;
    }
}
