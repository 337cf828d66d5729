namespace AleppoDashboard.Data.SharedCopyDetection;

/// <summary>
/// The result of <see cref="SharedCopyDetector"/>: which sentences are shared copy and with which other articles'
/// sentences. Compact: one 24-byte row per sentence whose text has copies, the rows of each distinct text as one index
/// array, and per text the texts it matches; a sentence's copies are read from these when asked, never stored per
/// sentence or per text. The matches are one flat array (text t's are matchTexts[matchStart[t] .. matchStart[t + 1]),
/// sorted), not an array per text: a large corpus has hundreds of millions of them.
/// </summary>
public sealed partial class SharedCopies
{
    readonly CopyRow[] rows; // in article then sentence order; CopyRow.Text numbers the texts 0..n-1
    readonly int[] memberStart; // rows of text t: memberRows[memberStart[t] .. memberStart[t + 1]), in row order
    readonly int[] memberRows;
    readonly int[] matchStart; // the other texts text t meets the rule with: matchTexts[matchStart[t] .. matchStart[t + 1]), sorted
    readonly int[] matchTexts;
    readonly int[] total; // per text, how many sentences carry it or a text it matches
    readonly bool[] shared; // per text: its copies span two or more articles
    readonly string[] outlets;
    readonly int[] sentenceIds; // sorted, with rowOfSentence beside them
    readonly int[] rowOfSentence;

    public SharedCopies(CopyRow[] rows, int[] memberStart, int[] memberRows, int[] matchStart, int[] matchTexts, int[] total, bool[] shared, string[] outlets)
    {
        (this.rows, this.memberStart, this.memberRows, this.matchStart, this.matchTexts, this.total, this.shared, this.outlets) =
            (rows, memberStart, memberRows, matchStart, matchTexts, total, shared, outlets);
        sentenceIds = new int[rows.Length];
        rowOfSentence = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++) (sentenceIds[i], rowOfSentence[i]) = (rows[i].SentenceId, i);
        Array.Sort(sentenceIds, rowOfSentence);
        foreach (var r in rows) Count += shared[r.Text] ? 1 : 0;
    }

    /// <summary>How many sentences are shared copy.</summary>
    public int Count { get; }

    /// <summary>How many texts are numbered (their ids are 0 .. Texts - 1).</summary>
    public int Texts => total.Length;

    ReadOnlySpan<int> Matched(int text) => matchTexts.AsSpan(matchStart[text], matchStart[text + 1] - matchStart[text]);

    /// <summary>
    /// The shared sentences with their text number and how many copies other articles carry, for the stored map. Only
    /// shared sentences are ever listed as copies (a sentence listed for another is in another article with a text of the
    /// same group, so its own group spans two articles), so nothing else is needed to answer <see cref="With"/>.
    /// </summary>
    public IEnumerable<StoredCopy> StoredSentences => StoredRows(CopiesPerRow());

    /// <summary><see cref="StoredSentences"/> with each row's copies already counted (<see cref="CopiesPerRow"/>).</summary>
    public IEnumerable<StoredCopy> StoredRows(int[] copies)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            if (shared[r.Text]) yield return new StoredCopy(r.SentenceId, r.ArticleId, r.Index, r.Text, copies[i]);
        }
    }

    /// <summary>
    /// <see cref="CopiesOf"/> for every row, in row order (0 for a row that is not shared): 4 bytes a row, where the stored
    /// rows themselves would take 20.
    /// </summary>
    public int[] CopiesPerRow()
    {
        var copies = new int[rows.Length];
        // Row by row in order, so a sentence's own article's rows are found from where it stands (not by a search).
        var articleStart = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (i > 0 && rows[i].ArticleId != rows[i - 1].ArticleId) articleStart = i;
            if (shared[rows[i].Text]) copies[i] = CopiesAt(i, articleStart);
        }
        return copies;
    }

    /// <summary>Each shared text that matches other shared texts, with those texts, for the stored map.</summary>
    public IEnumerable<(int Text, int[] Others)> StoredMatches
    {
        get
        {
            for (var t = 0; t < total.Length; t++)
            {
                if (!shared[t]) continue;
                var others = StoredMatchesOf(t);
                if (others.Length > 0) yield return (t, others);
            }
        }
    }

    /// <summary>The shared texts that text <paramref name="t"/> matches (empty for a text that is not shared).</summary>
    public int[] StoredMatchesOf(int t)
    {
        if (!shared[t]) return [];
        var kept = 0;
        foreach (var u in Matched(t)) kept += shared[u] ? 1 : 0;
        if (kept == 0) return [];
        var others = new int[kept];
        kept = 0;
        foreach (var u in Matched(t))
        {
            if (shared[u]) others[kept++] = u;
        }
        return others;
    }

    public bool IsShared(int sentenceId) => RowOf(sentenceId) is >= 0 and var at && shared[rows[at].Text];

    /// <summary>The first <paramref name="max"/> sentences of other articles that carry the same copy, in article then sentence order.</summary>
    public IReadOnlyList<SharedWith> With(int sentenceId, int max = SharedCopyDetector.MaxListed)
    {
        var at = RowOf(sentenceId);
        if (at < 0 || !shared[rows[at].Text]) return [];
        var mine = rows[at];
        // Each text's rows are in article order: the first max of other articles overall are among each text's first max.
        var first = new List<int>();
        var group = new List<int>(Matched(mine.Text).Length + 1) { mine.Text };
        foreach (var u in Matched(mine.Text)) group.Add(u);
        foreach (var t in group)
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
        var first = at;
        while (first > 0 && rows[first - 1].ArticleId == rows[at].ArticleId) first--;
        return CopiesAt(at, first);
    }

    /// <summary><see cref="CopiesOf"/> for row <paramref name="at"/>, whose article's rows start at <paramref name="articleStart"/>.</summary>
    int CopiesAt(int at, int articleStart)
    {
        var mine = rows[at];
        // Copies in its own article: the article's rows whose text is this one or one it matches.
        var own = 0;
        var matched = Matched(mine.Text);
        for (var i = articleStart; i < rows.Length && rows[i].ArticleId == mine.ArticleId; i++)
        {
            if (rows[i].Text == mine.Text || matched.BinarySearch(rows[i].Text) >= 0) own++;
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
