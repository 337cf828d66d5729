namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// One character trie over the folded phrases of every kind extraction looks for (place names, sources, framing
/// terms, number words), each phrase tagged with its kind. <see cref="Find"/> walks a folded text once, from each
/// word start, and gives for every kind its whole-word matches, leftmost and longest first, never overlapping
/// within a kind. The text is read in one pass however many names and kinds there are.
/// </summary>
/// <remarks>
/// Phrases go into a tree of node objects; the first <see cref="Find"/> after an <see cref="Add"/> copies the tree
/// into flat arrays (<see cref="FlatTrie"/>), which the walk reads: a step is two or three reads of neighbouring
/// array slots instead of three objects scattered over the heap, and the walk is most of the extractor's time.
/// </remarks>
public sealed class PhraseIndex
{
    sealed class Node
    {
        public readonly List<char> Keys = [];
        public readonly List<Node> Children = [];
        public object?[]? Values;

        public Node? Next(char c)
        {
            var i = Keys.IndexOf(c);
            return i < 0 ? null : Children[i];
        }

        public Node Add(char c)
        {
            if (Next(c) is { } existing) return existing;
            var child = new Node();
            Keys.Add(c);
            Children.Add(child);
            return child;
        }
    }

    /// <summary>A node with more children than this (such as the one after "al ") gets a direct table of its ASCII children.</summary>
    const int WideNode = 4;

    static readonly List<PhraseHit<object>> None = [];

    readonly Node root = new();
    readonly List<bool> allowsS = [];
    volatile FlatTrie? flat;
    readonly Lock freezing = new();

    /// <summary>A new kind of phrase; with <paramref name="pluralOrPossessive"/> a match may be followed by "s" or "'s" (a plural s belongs to the span, a possessive 's does not).</summary>
    public int AddKind(bool pluralOrPossessive)
    {
        lock (freezing)
        {
            allowsS.Add(pluralOrPossessive);
            flat = null;
            return allowsS.Count - 1;
        }
    }

    /// <summary>Adds a phrase (folded here by <see cref="TextFolding"/>) of a kind; the first value added for a phrase and kind wins.</summary>
    public void Add(int kind, string phrase, object value)
    {
        var folded = TextFolding.FoldPhrase(phrase);
        if (folded.Length == 0) return;
        lock (freezing)
        {
            var node = root;
            foreach (var c in folded) node = node.Add(c);
            node.Values ??= new object?[allowsS.Count];
            if (node.Values.Length < allowsS.Count) Array.Resize(ref node.Values, allowsS.Count);
            node.Values[kind] ??= value;
            flat = null;
        }
    }

    FlatTrie Frozen()
    {
        if (flat is { } ready) return ready;
        lock (freezing)
        {
            return flat ??= new FlatTrie(root, allowsS);
        }
    }

    /// <summary>Matches per kind (indexed by kind), with spans in the original text.</summary>
    public List<PhraseHit<object>>[] Find(FoldedText text)
    {
        var hits = new List<PhraseHit<object>>[Frozen().AllowsS.Length];
        for (var k = 0; k < hits.Length; k++) hits[k] = None;
        return FindInto(text, hits);
    }

    [ThreadStatic] static List<PhraseHit<object>>[]? scratchHits;

    /// <summary>
    /// <see cref="Find"/> into this thread's lists: valid until this thread calls it again (the extractor matches a
    /// sentence, reads its facts and is done with the lists).
    /// </summary>
    internal List<PhraseHit<object>>[] FindWithThreadLists(FoldedText text)
    {
        var kinds = Frozen().AllowsS.Length;
        if (scratchHits is not { } hits || hits.Length != kinds)
        {
            scratchHits = hits = new List<PhraseHit<object>>[kinds];
            for (var k = 0; k < kinds; k++) hits[k] = [];
        }
        foreach (var list in hits) list.Clear();
        return FindInto(text, hits);
    }

    /// <summary>Adds the matches to <paramref name="hits"/> (one list per kind; a list that is <see cref="None"/> is replaced when a match is found).</summary>
    List<PhraseHit<object>>[] FindInto(FoldedText text, List<PhraseHit<object>>[] hits)
    {
        var trie = Frozen();
        var kinds = trie.AllowsS.Length;
        Span<int> nextStart = stackalloc int[kinds];
        Span<int> bestEnd = stackalloc int[kinds];
        Span<int> bestValue = stackalloc int[kinds];
        nextStart.Clear();
        var allowS = trie.AllowsS;
        var nodes = trie.Nodes;
        var values = trie.Values;
        var tables = trie.Tables;
        var edgeChars = trie.EdgeChars;
        var edgeTargets = trie.EdgeTargets;
        var chainChars = trie.ChainChars;
        var f = text.Span;
        foreach (var i in text.WordStarts)
        {
            var node = trie.First(f[i]);
            if (node < 0) continue;
            var any = false;
            var end = i + 1;
            // The walk, with the step of FlatTrie.Next written out over local arrays: this loop is the extractor's hottest.
            while (true)
            {
                ref readonly var n = ref nodes[node];
                var at = n.Values;
                if (at >= 0)
                {
                    for (var k = 0; k < kinds; k++)
                    {
                        if (values[at + k] is not null && i >= nextStart[k] && EndsWord(f, end, allowS[k]) >= 0)
                        {
                            if (!any) bestEnd.Fill(-1);
                            bestEnd[k] = end;
                            bestValue[k] = at + k;
                            any = true;
                        }
                    }
                }
                if (end >= f.Length) break;
                if (n.ChainLength > 0)
                {
                    // a run of one-child nodes that end no phrase: all its letters or nothing
                    if (end + n.ChainLength > f.Length) break;
                    var same = 0;
                    while (same < n.ChainLength && f[end + same] == chainChars[n.ChainStart + same]) same++;
                    if (same < n.ChainLength) break;
                    node = n.ChainTarget;
                    end += n.ChainLength;
                    continue;
                }
                var c = f[end];
                if (n.Table >= 0 && c < 128)
                {
                    node = tables[n.Table + c];
                }
                else
                {
                    node = -1;
                    var last = n.EdgeStart + n.EdgeCount;
                    for (var e = n.EdgeStart; e < last; e++)
                    {
                        if (edgeChars[e] == c)
                        {
                            node = edgeTargets[e];
                            break;
                        }
                    }
                }
                if (node < 0) break;
                end++;
            }
            if (!any) continue;
            for (var k = 0; k < kinds; k++)
            {
                if (bestEnd[k] < 0) continue;
                var suffixEnd = EndsWord(f, bestEnd[k], allowS[k]);
                var start = text.OriginalStart(i);
                var originalEnd = text.OriginalEnd(bestEnd[k]);
                if (suffixEnd > bestEnd[k] && !IsPossessive(text.Original, originalEnd))
                {
                    originalEnd = text.OriginalEnd(suffixEnd);
                }
                if (ReferenceEquals(hits[k], None)) hits[k] = [];
                hits[k].Add(new PhraseHit<object>(start, originalEnd - start, values[bestValue[k]]!));
                nextStart[k] = suffixEnd;
            }
        }
        return hits;
    }

    /// <summary>Where the word that ends at <paramref name="end"/> really ends (after a plural/possessive s), or -1 if it goes on.</summary>
    static int EndsWord(ReadOnlySpan<char> f, int end, bool allowS)
    {
        if (end >= f.Length || !TextFolding.IsWordChar(f[end])) return end;
        if (allowS && f[end] == 's' && (end + 1 >= f.Length || !TextFolding.IsWordChar(f[end + 1]))) return end + 1;
        return -1;
    }

    static bool IsPossessive(string original, int end) => end < original.Length && TextFolding.IsApostrophe(original[end]);

    /// <summary>
    /// The trie in arrays: node i's edges are <see cref="EdgeChars"/>/<see cref="EdgeTargets"/> from its
    /// <see cref="FlatNode.EdgeStart"/>, a wide node's ASCII children are also in <see cref="Tables"/>, and its values
    /// (one slot per kind) in <see cref="Values"/>. Read-only once built, so threads share it.
    /// </summary>
    sealed class FlatTrie
    {
        public struct FlatNode
        {
            public int EdgeStart;
            public int EdgeCount;
            /// <summary>Offset of the node's 128-slot ASCII table in <see cref="Tables"/>, or -1.</summary>
            public int Table;
            /// <summary>Offset of the node's values (one per kind) in <see cref="Values"/>, or -1 for a node that ends no phrase.</summary>
            public int Values;
            /// <summary>
            /// For a node with one child and no table: the letters of the run of one-child nodes that end no phrase below it
            /// (from <see cref="ChainStart"/> in <see cref="ChainChars"/>, <see cref="ChainLength"/> of them) and the node they
            /// lead to, so that the walk compares a run of letters at once ("ukkari" after "al s"); 0 letters for other nodes.
            /// </summary>
            public int ChainStart;
            public int ChainLength;
            public int ChainTarget;
        }

        public readonly FlatNode[] Nodes;
        public readonly char[] EdgeChars;
        public readonly int[] EdgeTargets;
        public readonly int[] Tables;
        public readonly object?[] Values;
        public readonly bool[] AllowsS;
        public readonly char[] ChainChars;

        public FlatTrie(Node root, List<bool> allowsS)
        {
            var kinds = allowsS.Count;
            var order = new List<Node>();
            var ids = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
            var queue = new Queue<Node>();
            queue.Enqueue(root);
            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                ids[node] = order.Count;
                order.Add(node);
                foreach (var child in node.Children) queue.Enqueue(child);
            }
            Nodes = new FlatNode[order.Count];
            var edgeChars = new List<char>();
            var edgeTargets = new List<int>();
            var tables = new List<int>();
            var values = new List<object?>();
            for (var n = 0; n < order.Count; n++)
            {
                var node = order[n];
                Nodes[n] = new FlatNode { EdgeStart = edgeChars.Count, EdgeCount = node.Keys.Count, Table = -1, Values = -1 };
                for (var e = 0; e < node.Keys.Count; e++)
                {
                    edgeChars.Add(node.Keys[e]);
                    edgeTargets.Add(ids[node.Children[e]]);
                }
                if (node.Keys.Count > WideNode || n == 0)
                {
                    Nodes[n].Table = tables.Count;
                    var table = Enumerable.Repeat(-1, 128).ToArray();
                    for (var e = 0; e < node.Keys.Count; e++)
                    {
                        if (node.Keys[e] < 128) table[node.Keys[e]] = ids[node.Children[e]];
                    }
                    tables.AddRange(table);
                }
                if (node.Values is { } own)
                {
                    Nodes[n].Values = values.Count;
                    for (var k = 0; k < kinds; k++) values.Add(k < own.Length ? own[k] : null);
                }
            }
            EdgeChars = [.. edgeChars];
            EdgeTargets = [.. edgeTargets];
            var chainChars = new List<char>();
            for (var n = 0; n < Nodes.Length; n++)
            {
                if (Nodes[n].EdgeCount != 1 || Nodes[n].Table >= 0) continue;
                Nodes[n].ChainStart = chainChars.Count;
                var edge = Nodes[n].EdgeStart;
                chainChars.Add(EdgeChars[edge]);
                var target = EdgeTargets[edge];
                while (Nodes[target].Values < 0 && Nodes[target].EdgeCount == 1 && Nodes[target].Table < 0)
                {
                    edge = Nodes[target].EdgeStart;
                    chainChars.Add(EdgeChars[edge]);
                    target = EdgeTargets[edge];
                }
                Nodes[n].ChainLength = chainChars.Count - Nodes[n].ChainStart;
                Nodes[n].ChainTarget = target;
            }
            ChainChars = [.. chainChars];
            Tables = [.. tables];
            Values = [.. values];
            AllowsS = [.. allowsS];
        }

        /// <summary>The node after the root for a word's first character, or -1.</summary>
        public int First(char c) => Next(0, c);

        /// <summary>The child of <paramref name="node"/> by <paramref name="c"/>, or -1.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public int Next(int node, char c)
        {
            ref readonly var n = ref Nodes[node];
            if (n.Table >= 0 && c < 128) return Tables[n.Table + c];
            // a plain loop: most nodes have one to four children, too few for a vectorised search to pay
            var end = n.EdgeStart + n.EdgeCount;
            for (var e = n.EdgeStart; e < end; e++)
            {
                if (EdgeChars[e] == c) return EdgeTargets[e];
            }
            return -1;
        }
    }
}
