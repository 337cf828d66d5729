namespace AleppoDashboard.Data.SharedCopyDetection;

/// <summary>One sentence as the shared-copy detector sees it.</summary>
public sealed record CopyCandidate(int SentenceId, int ArticleId, int Index, string OutletName, string Text);

/// <summary>Another article's sentence that carries (near-)verbatim the same words.</summary>
public sealed record SharedWith(int SentenceId, int ArticleId, int Index, string OutletName);

/// <summary>
/// Finds wire copy: sentences that appear (near-)verbatim in more than one article. Each sentence is
/// normalised (case folded; curly and straight quotes, apostrophes and every other punctuation mark
/// dropped; runs of whitespace made one space) and cut into word 3-grams ("shingles"). Two sentences of
/// different articles are shared copy when
/// <list type="bullet">
/// <item>they have at least <see cref="MinSharedShingles"/> shingles in common (a common run of at least
/// 7 words, so that stock phrases such as "in east Aleppo on Friday" never count), and</item>
/// <item>the shingles in common are at least <see cref="MinContainment"/> of the shorter sentence's
/// shingles (containment, not Jaccard: a quote lifted whole into a longer sentence is still copy).</item>
/// </list>
/// Identical normalised texts are compared once; candidate pairs come from an inverted index probed only with
/// each text's rarest shingles (prefix filtering, see <see cref="SharedCopyBuilder"/>), never by comparing all pairs.
/// </summary>
public static class SharedCopyDetector
{
    public const int ShingleSize = 3;
    public const int MinSharedShingles = 5;
    public const double MinContainment = 0.8;

    /// <summary>The rule above in one line, for the page's help text.</summary>
    public static string RuleText =>
        $"Two sentences of different articles count as the same copy when, after folding case and dropping quotes, punctuation and extra spaces, " +
        $"at least {MinContainment * 100:0}% of the shorter one's {ShingleSize}-word sequences also occur in the other (and at least {MinSharedShingles} of them, i.e. a common run of {MinSharedShingles + ShingleSize - 1}+ words).";

    /// <summary>At most this many other sentences are listed for one sentence in the CSV (a wire line can run hundreds of times).</summary>
    public const int MaxListed = 50;

    /// <summary>Detects shared copy among <paramref name="sentences"/>.</summary>
    public static SharedCopies Detect(IEnumerable<CopyCandidate> sentences)
    {
        var builder = new SharedCopyBuilder();
        foreach (var s in sentences) builder.Add(s.SentenceId, s.ArticleId, s.Index, s.OutletName, s.Text);
        return builder.Build();
    }

    /// <summary>The fewest shingles two sentences must share when the shorter has <paramref name="shorter"/> shingles.</summary>
    public static int MinCommon(int shorter)
    {
        var needed = Math.Max(MinSharedShingles, (int)Math.Ceiling(MinContainment * shorter));
        while (needed > MinSharedShingles && needed - 1 >= MinContainment * shorter) needed--;
        while (needed < MinContainment * shorter) needed++;
        return needed;
    }

    /// <summary>Lower-cased words of letters and digits; quotes, apostrophes and all other punctuation dropped.</summary>
    public static IReadOnlyList<string> NormalisedWords(string text)
    {
        var scanner = new SentenceWordScanner();
        scanner.Scan(text);
        return scanner.Words;
    }

    /// <summary>The distinct shingles of the words, as 64-bit hashes, sorted.</summary>
    public static long[] Shingles(IReadOnlyList<string> words)
    {
        var set = new HashSet<long>();
        for (var i = 0; i + ShingleSize <= words.Count; i++)
        {
            // A 64-bit hash of the three words; collisions are negligible at corpus sizes of millions of shingles.
            set.Add(Fnv.Shingle(words[i], words[i + 1], words[i + 2]));
        }
        var sorted = set.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
