namespace AleppoDashboard.Data.SharedCopyDetection;

/// <summary>
/// The result of <see cref="SharedCopyDetector"/>: which sentences are shared copy and with which other articles'
/// sentences. Compact: one 24-byte row per sentence whose text has copies, the rows of each distinct text as one index
/// array, and per text the texts it matches; a sentence's copies are read from these when asked, never stored per
/// sentence or per text.
/// </summary>
public sealed class SharedCopies
{
    readonly CopyRow[] rows; // in article then sentence order; CopyRow.Text numbers the texts 0..n-1
    readonly int[] memberStart; // rows of text t: memberRows[memberStart[t] .. memberStart[t + 1]), in row order
    readonly int[] memberRows;
    readonly int[][] matched; // per text, the other texts it meets the rule with (sorted)
    readonly int[] total; // per text, how many sentences carry it or a text it matches
    readonly bool[] shared; // per text: its copies span two or more articles
    readonly string[] outlets;
    readonly int[] sentenceIds; // sorted, with rowOfSentence beside them
    readonly int[] rowOfSentence;

    public SharedCopies(CopyRow[] rows, int[] memberStart, int[] memberRows, int[][] matched, int[] total, bool[] shared, string[] outlets)
    {
        (this.rows, this.memberStart, this.memberRows, this.matched, this.total, this.shared, this.outlets) =
            (rows, memberStart, memberRows, matched, total, shared, outlets);
        sentenceIds = new int[rows.Length];
        rowOfSentence = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++) (sentenceIds[i], rowOfSentence[i]) = (rows[i].SentenceId, i);
        Array.Sort(sentenceIds, rowOfSentence);
        Count = rows.Count(r => shared[r.Text]);
    }

    /// <summary>How many sentences are shared copy.</summary>
    public int Count { get; }

    /// <summary>
    /// The shared sentences with their text number and how many copies other articles carry, for the stored map. Only
    /// shared sentences are ever listed as copies (a sentence listed for another is in another article with a text of the
    /// same group, so its own group spans two articles), so nothing else is needed to answer <see cref="With"/>.
    /// </summary>
    public IEnumerable<StoredCopy> StoredSentences =>
        rows.Where(r => shared[r.Text]).Select(r => new StoredCopy(r.SentenceId, r.ArticleId, r.Index, r.Text, CopiesOf(r.SentenceId)));

    /// <summary>Each shared text that matches other shared texts, with those texts, for the stored map.</summary>
    public IEnumerable<(int Text, int[] Others)> StoredMatches =>
        Enumerable.Range(0, matched.Length).Where(t => shared[t])
            .Select(t => (t, matched[t].Where(u => shared[u]).ToArray())).Where(m => m.Item2.Length > 0);

    public bool IsShared(int sentenceId) => RowOf(sentenceId) is >= 0 and var at && shared[rows[at].Text];

    /// <summary>The first <paramref name="max"/> sentences of other articles that carry the same copy, in article then sentence order.</summary>
    public IReadOnlyList<SharedWith> With(int sentenceId, int max = SharedCopyDetector.MaxListed)
    {
        var at = RowOf(sentenceId);
        if (at < 0 || !shared[rows[at].Text]) return [];
        var mine = rows[at];
        // Each text's rows are in article order: the first max of other articles overall are among each text's first max.
        var first = new List<int>();
        foreach (var t in matched[mine.Text].Prepend(mine.Text))
        {
            var taken = 0;
            for (var m = memberStart[t]; m < memberStart[t + 1] && taken < max; m++)
            {
                if (rows[memberRows[m]].ArticleId == mine.ArticleId) continue;
                first.Add(memberRows[m]);
                taken++;
            }
        }
        first.Sort();
        return first.Take(max).Select(i => rows[i]).Select(c => new SharedWith(c.SentenceId, c.ArticleId, c.Index, outlets[c.Outlet])).ToList();
    }

    /// <summary>How many sentences of other articles carry the same copy.</summary>
    public int CopiesOf(int sentenceId)
    {
        var at = RowOf(sentenceId);
        if (at < 0 || !shared[rows[at].Text]) return 0;
        var mine = rows[at];
        // Copies in its own article: the article's rows whose text is this one or one it matches.
        var own = 0;
        var first = at;
        while (first > 0 && rows[first - 1].ArticleId == mine.ArticleId) first--;
        for (var i = first; i < rows.Length && rows[i].ArticleId == mine.ArticleId; i++)
        {
            if (rows[i].Text == mine.Text || Array.BinarySearch(matched[mine.Text], rows[i].Text) >= 0) own++;
        }
        return total[mine.Text] - own;
    }

    int RowOf(int sentenceId)
    {
        var i = Array.BinarySearch(sentenceIds, sentenceId);
        return i >= 0 ? rowOfSentence[i] : -1;
    }
}

/// <summary>A shared sentence as <see cref="SharedCopyStore"/> stores it.</summary>
public readonly record struct StoredCopy(int SentenceId, int ArticleId, int Index, int Text, int Copies);
