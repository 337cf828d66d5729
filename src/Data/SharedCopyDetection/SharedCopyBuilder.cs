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
        rawTexts.Clear();
        normalTexts.Clear();
        var all = rows.ToArray();
        rows.Clear();
        rows.Capacity = 0;
        Array.Sort(all, (a, b) => a.ArticleId != b.ArticleId ? a.ArticleId.CompareTo(b.ArticleId) : a.Index.CompareTo(b.Index));
        var texts = shingles.Count;
        var (memberStart, memberRows) = Members(all, texts);
        var matched = MatchTexts(threads);

        // A text has copies when it has two or more sentences or matches another text (and is long enough to count).
        var hasCopies = new bool[texts];
        for (var t = 0; t < texts; t++)
        {
            hasCopies[t] = shingles[t].Length >= SharedCopyDetector.MinSharedShingles && (memberStart[t + 1] - memberStart[t] >= 2 || matched[t] is not null);
        }
        shingles.Clear();

        // Keep only the rows of texts that have copies (the rest can never be shared or listed), texts renumbered densely.
        var number = new int[texts];
        var kept = 0;
        for (var t = 0; t < texts; t++) number[t] = hasCopies[t] ? kept++ : -1;
        var keptRows = all.Where(r => hasCopies[r.Text]).Select(r => r with { Text = number[r.Text] }).ToArray();
        var keptMatched = new int[kept][];
        for (var t = 0; t < texts; t++)
        {
            if (hasCopies[t]) keptMatched[number[t]] = matched[t] is { } ms ? [.. ms.Select(u => number[u]).Order()] : [];
        }
        (memberStart, memberRows) = Members(keptRows, kept);

        // A text's copies: its own rows and those of every text it matches. Its sentences are shared copy when the
        // copies span two or more articles.
        var total = new int[kept];
        var shared = new bool[kept];
        for (var t = 0; t < kept; t++)
        {
            var firstArticle = keptRows[memberRows[memberStart[t]]].ArticleId;
            foreach (var u in keptMatched[t].Prepend(t))
            {
                total[t] += memberStart[u + 1] - memberStart[u];
                for (var m = memberStart[u]; m < memberStart[u + 1] && !shared[t]; m++) shared[t] = keptRows[memberRows[m]].ArticleId != firstArticle;
            }
        }
        return new SharedCopies(keptRows, memberStart, memberRows, keptMatched, total, shared, [.. outlets]);
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

    /// <summary>For each distinct text, the other texts that meet the rule with it (null: none).</summary>
    List<int>?[] MatchTexts(int threads)
    {
        var texts = shingles.Count;
        var (ranked, postingStart, postings) = RankedIndex();
        // Each text probes on its own (the index and the shingles are only read), on every core: a thread keeps its own
        // "seen" marks and pairs, merged at the end.
        var pairs = new List<(int T, int U)>();
        Parallel.For(0, texts, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => (Seen: NewSeen(texts), Found: new List<(int, int)>()), (t, _, local) =>
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
                    if (Common(mine, theirs, needed) >= needed) local.Found.Add((t, u));
                }
            }
            return local;
        }, local =>
        {
            lock (pairs) pairs.AddRange(local.Found);
        });
        var matched = new List<int>?[texts];
        foreach (var (t, u) in pairs)
        {
            (matched[t] ??= []).Add(u);
            (matched[u] ??= []).Add(t);
        }
        return matched;
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
