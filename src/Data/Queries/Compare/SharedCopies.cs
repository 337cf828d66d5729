namespace AleppoDashboard.Data.Queries.Compare;

/// <summary>
/// The result of <see cref="SharedCopyDetector"/>: which sentences are shared copy and with which other
/// articles' sentences. Memory is linear in the sentences that have copies: one row each, plus per distinct
/// text its first copies (at most <see cref="SharedCopyDetector.MaxListed"/> and a few more), never a list per sentence.
/// </summary>
public sealed class SharedCopies
{
    public static readonly SharedCopies None = new([], new Dictionary<int, CopyList>(), []);

    /// <summary>No map yet: the detection for the current articles is still running (see <see cref="SharedCopyCache"/>).</summary>
    public static readonly SharedCopies NotReady = new([], new Dictionary<int, CopyList>(), []) { IsReady = false };

    readonly CopyRow[] rows; // in article then sentence order
    readonly IReadOnlyDictionary<int, CopyList> lists;
    readonly string[] outlets;
    readonly Dictionary<int, int> rowOfSentence;

    public SharedCopies(CopyRow[] rows, IReadOnlyDictionary<int, CopyList> lists, string[] outlets)
    {
        this.rows = rows;
        this.lists = lists;
        this.outlets = outlets;
        rowOfSentence = new Dictionary<int, int>(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            if (lists[rows[i].Text].Shared) rowOfSentence[rows[i].SentenceId] = i;
        }
        Count = rowOfSentence.Count;
    }

    /// <summary>
    /// The framing-term hits that stand in shared sentences (article, outlet, term), so that the framing matrix counts
    /// them per filter without reading every hit again. Filled by <see cref="SharedCopyCache"/>.
    /// </summary>
    public IReadOnlyList<SharedTermHit> TermHits { get; internal set; } = [];

    /// <summary>False for <see cref="NotReady"/>: nothing is known about shared copy yet (not: there is none).</summary>
    public bool IsReady { get; private init; } = true;

    /// <summary>How many sentences are shared copy.</summary>
    public int Count { get; }

    public bool IsShared(int sentenceId) => rowOfSentence.ContainsKey(sentenceId);

    /// <summary>The shared sentences (id, article, position), in article then sentence order.</summary>
    public IEnumerable<(int SentenceId, int ArticleId, int Index)> Sentences =>
        rows.Where(r => lists[r.Text].Shared).Select(r => (r.SentenceId, r.ArticleId, r.Index));

    /// <summary>The first <paramref name="max"/> sentences of other articles that carry the same copy, in article then sentence order.</summary>
    public IReadOnlyList<SharedWith> With(int sentenceId, int max = SharedCopyDetector.MaxListed)
    {
        if (!rowOfSentence.TryGetValue(sentenceId, out var at)) return [];
        var mine = rows[at];
        return lists[mine.Text].First.Where(c => c.ArticleId != mine.ArticleId).Take(max)
            .Select(c => new SharedWith(c.SentenceId, c.ArticleId, c.Index, outlets[c.Outlet])).ToList();
    }

    /// <summary>How many sentences of other articles carry the same copy.</summary>
    public int CopiesOf(int sentenceId)
    {
        if (!rowOfSentence.TryGetValue(sentenceId, out var at)) return 0;
        var mine = rows[at];
        var list = lists[mine.Text];
        // Copies in its own article: the article's rows whose text is this one or one it matches.
        var own = 0;
        var first = at;
        while (first > 0 && rows[first - 1].ArticleId == mine.ArticleId) first--;
        for (var i = first; i < rows.Length && rows[i].ArticleId == mine.ArticleId; i++)
        {
            if (rows[i].Text == mine.Text || Array.BinarySearch(list.Matched, rows[i].Text) >= 0) own++;
        }
        return list.Total - own;
    }
}

/// <summary>A framing-term hit inside a shared sentence.</summary>
public readonly record struct SharedTermHit(int ArticleId, int OutletId, string TermId);
