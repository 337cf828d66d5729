namespace AleppoDashboard.Data.Queries.Compare;

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

    public void Add(int sentenceId, int articleId, int index, string outletName, string text)
    {
        // Texts are keyed by 64-bit hashes (of the raw text, then of the normalised words): collisions are negligible.
        var raw = Hash(text);
        if (!rawTexts.TryGetValue(raw, out var t))
        {
            var words = SharedCopyDetector.NormalisedWords(text);
            var key = Hash(string.Join(' ', words));
            if (!normalTexts.TryGetValue(key, out t))
            {
                normalTexts[key] = t = shingles.Count;
                shingles.Add(SharedCopyDetector.Shingles(words));
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

    public SharedCopies Build()
    {
        rawTexts.Clear();
        normalTexts.Clear();
        var all = rows.ToArray();
        rows.Clear();
        Array.Sort(all, (a, b) => a.ArticleId != b.ArticleId ? a.ArticleId.CompareTo(b.ArticleId) : a.Index.CompareTo(b.Index));
        var texts = shingles.Count;

        // Members of each text, in article then sentence order.
        var memberStart = new int[texts + 1];
        foreach (var r in all) memberStart[r.Text + 1]++;
        for (var t = 0; t < texts; t++) memberStart[t + 1] += memberStart[t];
        var memberRows = new int[all.Length];
        var fill = (int[])memberStart.Clone();
        for (var i = 0; i < all.Length; i++) memberRows[fill[all[i].Text]++] = i;

        var matched = MatchTexts();

        // A text's copies: its own members and those of every text it matches. Its sentences are shared copy
        // when the copies span two or more articles.
        var lists = new Dictionary<int, CopyList>();
        var copies = new List<int>();
        for (var t = 0; t < texts; t++)
        {
            var own = memberStart[t + 1] - memberStart[t];
            if ((own < 2 && matched[t] is null) || shingles[t].Length < SharedCopyDetector.MinSharedShingles) continue;
            copies.Clear();
            for (var m = memberStart[t]; m < memberStart[t + 1]; m++) copies.Add(memberRows[m]);
            foreach (var u in matched[t] ?? [])
            {
                for (var m = memberStart[u]; m < memberStart[u + 1]; m++) copies.Add(memberRows[m]);
            }
            copies.Sort(); // rows are in article then sentence order
            var longestRun = 1;
            var articles = 1;
            for (int i = 1, run = 1; i < copies.Count; i++)
            {
                if (all[copies[i]].ArticleId == all[copies[i - 1]].ArticleId) longestRun = Math.Max(longestRun, ++run);
                else
                {
                    run = 1;
                    articles++;
                }
            }
            // Enough of the first copies that, after skipping a sentence's own article, MaxListed remain.
            var first = copies.Take(SharedCopyDetector.MaxListed + longestRun).Select(i => all[i]).ToArray();
            lists[t] = new CopyList(first, copies.Count, articles >= 2, matched[t] is { } ms ? [.. ms.Order()] : []);
        }

        // Keep only the rows of texts that have copies (the rest can never be shared or listed).
        var kept = all.Where(r => lists.ContainsKey(r.Text)).ToArray();
        shingles.Clear();
        return new SharedCopies(kept, lists, [.. outlets]);
    }

    /// <summary>For each distinct text, the other texts that meet the rule with it (null: none).</summary>
    List<int>?[] MatchTexts()
    {
        var texts = shingles.Count;
        var frequency = new Dictionary<long, int>();
        foreach (var set in shingles)
        {
            if (set.Length < SharedCopyDetector.MinSharedShingles) continue;
            foreach (var s in set) frequency[s] = frequency.GetValueOrDefault(s) + 1;
        }
        // The inverted index holds every shingle of every text long enough to match.
        var index = new Dictionary<long, List<int>>(frequency.Count);
        for (var t = 0; t < texts; t++)
        {
            if (shingles[t].Length < SharedCopyDetector.MinSharedShingles) continue;
            foreach (var s in shingles[t])
            {
                if (!index.TryGetValue(s, out var list)) index[s] = list = new List<int>(frequency[s] == 1 ? 1 : 4);
                list.Add(t);
            }
        }
        var matched = new List<int>?[texts];
        var seen = new int[texts];
        Array.Fill(seen, -1);
        for (var t = 0; t < texts; t++)
        {
            var mine = shingles[t];
            if (mine.Length < SharedCopyDetector.MinSharedShingles) continue;
            var needed = SharedCopyDetector.MinCommon(mine.Length);
            var prefix = mine.OrderBy(s => frequency[s]).ThenBy(s => s).Take(mine.Length - needed + 1);
            foreach (var s in prefix)
            {
                foreach (var u in index[s])
                {
                    // t is the shorter of the pair (ties: the lower number); the longer finds nothing new from its side.
                    var theirs = shingles[u];
                    if (u == t || seen[u] == t || theirs.Length < mine.Length || (theirs.Length == mine.Length && u < t)) continue;
                    seen[u] = t;
                    if (Common(mine, theirs, needed) >= needed)
                    {
                        (matched[t] ??= []).Add(u);
                        (matched[u] ??= []).Add(t);
                    }
                }
            }
        }
        return matched;
    }

    /// <summary>Shingles two sorted arrays have in common (stops early once <paramref name="enough"/> are found).</summary>
    static int Common(long[] a, long[] b, int enough)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length && common < enough)
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

    static ulong Hash(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in text) h = (h ^ ch) * 1099511628211UL;
        return h;
    }
}

/// <summary>A sentence as the detector keeps it: ids, position, outlet (index into the outlet names) and distinct text.</summary>
public readonly record struct CopyRow(int SentenceId, int ArticleId, int Index, short Outlet, int Text);

/// <summary>A text's copies: the first ones in article order, how many in all, whether they span two articles, the texts it matches.</summary>
public sealed record CopyList(CopyRow[] First, int Total, bool Shared, int[] Matched);
