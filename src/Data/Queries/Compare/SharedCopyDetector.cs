using System.Text;

namespace AleppoDashboard.Data.Queries.Compare;

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
/// Candidates are found through an inverted index from shingle to sentences, never by comparing all pairs.
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

    /// <summary>At most this many other sentences are listed for one sentence (a wire line can run hundreds of times).</summary>
    public const int MaxListed = 50;

    /// <summary>
    /// For every sentence that shares copy with a sentence of another article, the sentences it shares with
    /// (the first <see cref="MaxListed"/>, by article and position). Identical normalised texts are compared once,
    /// so a line repeated k times costs one comparison, not k².
    /// </summary>
    public static Dictionary<int, List<SharedWith>> Detect(IReadOnlyList<CopyCandidate> sentences)
    {
        // Distinct normalised texts, each with the sentences that carry it.
        var textIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new List<List<int>>();
        var shingles = new List<HashSet<long>>();
        for (var i = 0; i < sentences.Count; i++)
        {
            var words = NormalisedWords(sentences[i].Text);
            var key = string.Join(' ', words);
            if (!textIds.TryGetValue(key, out var t))
            {
                textIds[key] = t = members.Count;
                members.Add([]);
                shingles.Add(Shingles(words));
            }
            members[t].Add(i);
        }
        var index = new Dictionary<long, List<int>>();
        for (var t = 0; t < shingles.Count; t++)
        {
            foreach (var s in shingles[t])
            {
                if (!index.TryGetValue(s, out var list)) index[s] = list = [];
                list.Add(t);
            }
        }
        var result = new Dictionary<int, List<SharedWith>>();
        for (var t = 0; t < shingles.Count; t++)
        {
            if (shingles[t].Count < MinSharedShingles) continue;
            var common = new Dictionary<int, int>();
            foreach (var s in shingles[t])
            {
                foreach (var u in index[s])
                {
                    if (u != t) common[u] = common.GetValueOrDefault(u) + 1;
                }
            }
            var copies = new List<int>(members[t]);
            foreach (var (u, count) in common)
            {
                var shorter = Math.Min(shingles[t].Count, shingles[u].Count);
                if (count >= MinSharedShingles && count >= MinContainment * shorter) copies.AddRange(members[u]);
            }
            var ordered = copies.Select(j => sentences[j]).OrderBy(c => c.ArticleId).ThenBy(c => c.Index).ToList();
            foreach (var i in members[t])
            {
                var mine = sentences[i];
                var others = ordered.Where(c => c.ArticleId != mine.ArticleId).Take(MaxListed)
                    .Select(c => new SharedWith(c.SentenceId, c.ArticleId, c.Index, c.OutletName)).ToList();
                if (others.Count > 0) result[mine.SentenceId] = others;
            }
        }
        return result;
    }

    /// <summary>Lower-cased words of letters and digits; quotes, apostrophes and all other punctuation dropped.</summary>
    public static IReadOnlyList<string> NormalisedWords(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’' or '‘' or 'ʼ' or '`' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                // apostrophes join (Assad's = assads); diacritic marks vanish
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    static HashSet<long> Shingles(IReadOnlyList<string> words)
    {
        var set = new HashSet<long>();
        for (var i = 0; i + ShingleSize <= words.Count; i++)
        {
            // A 64-bit hash of the three words; collisions are negligible at corpus sizes of millions of shingles.
            set.Add(Hash(words[i], words[i + 1], words[i + 2]));
        }
        return set;
    }

    static long Hash(string a, string b, string c)
    {
        ulong h = 14695981039346656037UL;
        foreach (var ch in a + "\u0001" + b + "\u0001" + c)
        {
            h = (h ^ ch) * 1099511628211UL;
        }
        return (long)h;
    }
}
