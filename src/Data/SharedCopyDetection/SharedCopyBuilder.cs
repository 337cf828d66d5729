namespace AleppoDashboard.Data.SharedCopyDetection;

/// <summary>
/// Collects sentences one at a time (the texts are not kept: each distinct raw text is normalised once and
/// only its shingles stay) and applies <see cref="SharedCopyDetector"/>'s rule.
/// <para>
/// Pairs of distinct normalised texts are found by prefix filtering: shingles are ordered by how many texts
/// carry them (rarest first). If the shorter text <c>s</c> of a pair shares at least
/// <c>k = MinCommon(|s|)</c> shingles with the other, then at most <c>|s| - k</c> of its shingles are missing
/// from the other, so one of its <c>|s| - k + 1</c> rarest shingles is in the other. Each text therefore probes
/// the inverted index with those few rare shingles only, never with stock phrases that thousands of texts
/// carry, and every candidate is then checked against the full rule. The result is the same as comparing
/// every pair.
/// </para>
/// </summary>
public sealed class SharedCopyBuilder
{
    readonly Dictionary<ulong, int> rawTexts = [];
    readonly Dictionary<ulong, int> normalTexts = [];
    readonly List<long[]> shingles = [];
    readonly List<CopyRow> rows = [];
    readonly List<string> outlets = [];
    readonly Dictionary<string, short> outletIds = new(StringComparer.Ordinal);
    readonly SentenceWordScanner scanner = new();

    public void Add(int sentenceId, int articleId, int index, string outletName, string text)
    {
        // Texts are keyed by 64-bit hashes (of the raw text, then of the normalised words): collisions are negligible.
        var raw = Hash(text);
        if (!rawTexts.TryGetValue(raw, out var t))
        {
            scanner.Scan(text);
            var key = scanner.Key;
            if (!normalTexts.TryGetValue(key, out t))
            {
                normalTexts[key] = t = shingles.Count;
                shingles.Add(scanner.Shingles());
            }
            rawTexts[raw] = t;
        }
        if (!outletIds.TryGetValue(outletName, out var outlet))
        {
            outletIds[outletName] = outlet = (short)outlets.Count;
            outlets.Add(outletName);
        }
        rows.Add(new CopyRow(sentenceId, articleId, index, outlet, t));
    }

    /// <summary>Applies the rule to the sentences added.</summary>
    /// <param name="threads">How many threads match texts (-1: one per core).</param>
    public SharedCopies Build(int threads = -1)
    {
        // Memory is what limits a large corpus (21 M sentences and hundreds of millions of matches at 1,000,000
        // articles): what is done with is let go before the next step, and nothing is kept per pair but two ints.
        rawTexts.Clear();
        rawTexts.TrimExcess();
        normalTexts.Clear();
        normalTexts.TrimExcess();
        var all = rows.ToArray();
        rows.Clear();
        rows.Capacity = 0;
        // A bulk load adds articles in id order and each article's sentences in order: sort only if that is not so.
        if (!InOrder(all)) Array.Sort(all, default(ArticleOrder));
        var texts = shingles.Count;
        var rowsOf = RowsPerText(all, texts);
        var (matchStart, matchTexts) = MatchTexts(threads);

        // A text has copies when it has two or more sentences or matches another text (and is long enough to count).
        var hasCopies = new bool[texts];
        for (var t = 0; t < texts; t++)
        {
            hasCopies[t] = shingles[t].Length >= SharedCopyDetector.MinSharedShingles && (rowsOf[t] >= 2 || matchStart[t + 1] > matchStart[t]);
        }
        shingles.Clear();
        shingles.Capacity = 0;

        // Keep only the rows of texts that have copies (the rest can never be shared or listed), texts renumbered densely
        // in the same order, so each text's sorted matches stay sorted. A matched text always has copies itself.
        var number = new int[texts];
        var kept = 0;
        for (var t = 0; t < texts; t++) number[t] = hasCopies[t] ? kept++ : -1;
        var keptCount = 0;
        foreach (var r in all) keptCount += hasCopies[r.Text] ? 1 : 0;
        var keptRows = new CopyRow[keptCount];
        keptCount = 0;
        foreach (var r in all)
        {
            if (hasCopies[r.Text]) keptRows[keptCount++] = r with { Text = number[r.Text] };
        }
        all = [];
        var keptStart = new int[kept + 1];
        for (var t = 0; t < texts; t++)
        {
            if (hasCopies[t]) keptStart[number[t] + 1] = matchStart[t + 1];
        }
        for (var i = 0; i < matchTexts.Length; i++) matchTexts[i] = number[matchTexts[i]];
        var (memberStart, memberRows) = Members(keptRows, kept);

        // A text's copies: its own rows and those of every text it matches. Its sentences are shared copy when the
        // copies span two or more articles.
        var total = new int[kept];
        var shared = new bool[kept];
        for (var t = 0; t < kept; t++)
        {
            var firstArticle = keptRows[memberRows[memberStart[t]]].ArticleId;
            for (var m = keptStart[t] - 1; m < keptStart[t + 1]; m++)
            {
                var u = m < keptStart[t] ? t : matchTexts[m];
                total[t] += memberStart[u + 1] - memberStart[u];
                for (var r = memberStart[u]; r < memberStart[u + 1] && !shared[t]; r++) shared[t] = keptRows[memberRows[r]].ArticleId != firstArticle;
            }
        }
        return new SharedCopies(keptRows, memberStart, memberRows, keptStart, matchTexts, total, shared, [.. outlets]);
    }

    static bool InOrder(CopyRow[] all)
    {
        for (var i = 1; i < all.Length; i++)
        {
            if (default(ArticleOrder).Compare(all[i - 1], all[i]) > 0) return false;
        }
        return true;
    }

    readonly struct ArticleOrder : IComparer<CopyRow>
    {
        public int Compare(CopyRow a, CopyRow b) => a.ArticleId != b.ArticleId ? a.ArticleId.CompareTo(b.ArticleId) : a.Index.CompareTo(b.Index);
    }

    static int[] RowsPerText(CopyRow[] all, int texts)
    {
        var count = new int[texts];
        foreach (var r in all) count[r.Text]++;
        return count;
    }

    /// <summary>The rows of each text, in row order: rows memberRows[start[t] .. start[t + 1]).</summary>
    static (int[] Start, int[] Rows) Members(CopyRow[] all, int texts)
    {
        var start = new int[texts + 1];
        foreach (var r in all) start[r.Text + 1]++;
        for (var t = 0; t < texts; t++) start[t + 1] += start[t];
        var members = new int[all.Length];
        var fill = (int[])start.Clone();
        for (var i = 0; i < all.Length; i++) members[fill[all[i].Text]++] = i;
        return (start, members);
    }

    /// <summary>
    /// For each distinct text, the other texts that meet the rule with it, sorted: texts[start[t] .. start[t + 1]).
    /// </summary>
    (int[] Start, int[] Texts) MatchTexts(int threads)
    {
        var texts = shingles.Count;
        var (ranked, postingStart, postings) = RankedIndex();
        // Each text probes on its own (the index and the shingles are only read), on every core: a thread keeps its own
        // "seen" marks and pairs (packed two ints to a long, in blocks, so that no list of millions is ever copied to grow).
        var found = new List<PairBlocks>();
        Parallel.For(0, texts, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => (Seen: NewSeen(texts), Found: new PairBlocks()), (t, _, local) =>
        {
            var mine = ranked[t];
            if (mine.Length < SharedCopyDetector.MinSharedShingles) return local;
            var needed = SharedCopyDetector.MinCommon(mine.Length);
            // The text's rarest shingles come first in its ranked array.
            for (var p = 0; p < mine.Length - needed + 1; p++)
            {
                var rank = mine[p];
                for (var i = postingStart[rank]; i < postingStart[rank + 1]; i++)
                {
                    // t is the shorter of the pair (ties: the lower number); the longer finds nothing new from its side.
                    var u = postings[i];
                    var theirs = ranked[u];
                    if (u == t || local.Seen[u] == t || theirs.Length < mine.Length || (theirs.Length == mine.Length && u < t)) continue;
                    local.Seen[u] = t;
                    if (Common(mine, theirs, needed) >= needed) local.Found.Add(t, u);
                }
            }
            return local;
        }, local =>
        {
            lock (found) found.Add(local.Found);
        });
        ranked = [];
        postings = [];
        // Two passes over the pairs: count each text's matches, then place them; each text's run sorted.
        var start = new int[texts + 1];
        foreach (var blocks in found)
        {
            foreach (var (t, u) in blocks.Pairs())
            {
                start[t + 1]++;
                start[u + 1]++;
            }
        }
        for (var t = 0; t < texts; t++) start[t + 1] += start[t];
        var matched = new int[start[texts]];
        var fill = (int[])start.Clone();
        foreach (var blocks in found)
        {
            foreach (var (t, u) in blocks.Pairs())
            {
                matched[fill[t]++] = u;
                matched[fill[u]++] = t;
            }
        }
        found.Clear();
        for (var t = 0; t < texts; t++) Array.Sort(matched, start[t], start[t + 1] - start[t]);
        return (start, matched);
    }

    /// <summary>Pairs of text numbers, kept in fixed blocks of longs.</summary>
    sealed class PairBlocks
    {
        const int BlockSize = 1 << 16;
        readonly List<long[]> blocks = [];
        int used = BlockSize;

        public void Add(int t, int u)
        {
            if (used == BlockSize)
            {
                blocks.Add(new long[BlockSize]);
                used = 0;
            }
            blocks[^1][used++] = ((long)t << 32) | (uint)u;
        }

        public IEnumerable<(int T, int U)> Pairs()
        {
            for (var b = 0; b < blocks.Count; b++)
            {
                var block = blocks[b];
                var n = b == blocks.Count - 1 ? used : BlockSize;
                for (var i = 0; i < n; i++) yield return ((int)(block[i] >> 32), (int)block[i]);
            }
        }
    }

    /// <summary>
    /// The shingles of the texts long enough to match, numbered by rarity: rank 0 is the shingle the fewest texts carry
    /// (ties by hash value). Each such text's shingles as ranks in ascending order (its rarest first; texts too short to
    /// match get an empty array), and the inverted index: the texts carrying rank r, in text order, are
    /// postings[start[r] .. start[r + 1]).
    /// </summary>
    (int[][] Ranked, int[] Start, int[] Postings) RankedIndex()
    {
        var texts = shingles.Count;
        var frequency = new Dictionary<long, int>();
        foreach (var set in shingles)
        {
            if (set.Length < SharedCopyDetector.MinSharedShingles) continue;
            foreach (var s in set) frequency[s] = frequency.GetValueOrDefault(s) + 1;
        }
        var order = new (int Frequency, long Shingle)[frequency.Count];
        var n = 0;
        foreach (var (shingle, count) in frequency) order[n++] = (count, shingle);
        Array.Sort(order);
        var rankOf = new Dictionary<long, int>(order.Length);
        var start = new int[order.Length + 1];
        for (var r = 0; r < order.Length; r++)
        {
            rankOf[order[r].Shingle] = r;
            start[r + 1] = start[r] + order[r].Frequency;
        }
        var ranked = new int[texts][];
        var postings = new int[start[^1]];
        var fill = (int[])start.Clone();
        for (var t = 0; t < texts; t++)
        {
            var set = shingles[t];
            if (set.Length < SharedCopyDetector.MinSharedShingles)
            {
                ranked[t] = [];
                continue;
            }
            var ranks = new int[set.Length];
            for (var i = 0; i < set.Length; i++) ranks[i] = rankOf[set[i]];
            Array.Sort(ranks);
            ranked[t] = ranks;
            foreach (var r in ranks) postings[fill[r]++] = t;
        }
        return (ranked, start, postings);
    }

    static int[] NewSeen(int texts)
    {
        var seen = new int[texts];
        Array.Fill(seen, -1);
        return seen;
    }

    /// <summary>Shingles two sorted arrays of ranks have in common (counted only as far as needed to tell whether it reaches <paramref name="enough"/>).</summary>
    static int Common(int[] a, int[] b, int enough)
    {
        int i = 0, j = 0, common = 0;
        // Stops as soon as enough are found, or when too few are left in the shorter rest to get there.
        while (common < enough && common + Math.Min(a.Length - i, b.Length - j) >= enough)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return common;
    }

    static ulong Hash(string text) => Fnv.Add(Fnv.Offset, text);
}

/// <summary>A sentence as the detector keeps it: ids, position, outlet (index into the outlet names) and distinct text.</summary>
public readonly record struct CopyRow(int SentenceId, int ArticleId, int Index, short Outlet, int Text);
