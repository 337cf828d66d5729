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

    /// <summary>For every sentence that shares copy with a sentence of another article, the sentences it shares with.</summary>
    public static Dictionary<int, List<SharedWith>> Detect(IReadOnlyList<CopyCandidate> sentences)
    {
        var shingles = new HashSet<long>[sentences.Count];
        var index = new Dictionary<long, List<int>>();
        for (var i = 0; i < sentences.Count; i++)
        {
            shingles[i] = Shingles(sentences[i].Text);
            foreach (var s in shingles[i])
            {
                if (!index.TryGetValue(s, out var list)) index[s] = list = [];
                list.Add(i);
            }
        }
        var result = new Dictionary<int, List<SharedWith>>();
        for (var i = 0; i < sentences.Count; i++)
        {
            if (shingles[i].Count < MinSharedShingles) continue;
            var common = new Dictionary<int, int>();
            foreach (var s in shingles[i])
            {
                foreach (var j in index[s])
                {
                    if (j != i && sentences[j].ArticleId != sentences[i].ArticleId)
                    {
                        common[j] = common.GetValueOrDefault(j) + 1;
                    }
                }
            }
            foreach (var (j, count) in common)
            {
                var shorter = Math.Min(shingles[i].Count, shingles[j].Count);
                if (count >= MinSharedShingles && count >= MinContainment * shorter)
                {
                    if (!result.TryGetValue(sentences[i].SentenceId, out var list)) result[sentences[i].SentenceId] = list = [];
                    var other = sentences[j];
                    list.Add(new SharedWith(other.SentenceId, other.ArticleId, other.Index, other.OutletName));
                }
            }
        }
        foreach (var list in result.Values)
        {
            list.Sort((a, b) => a.ArticleId != b.ArticleId ? a.ArticleId.CompareTo(b.ArticleId) : a.Index.CompareTo(b.Index));
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

    static HashSet<long> Shingles(string text)
    {
        var words = NormalisedWords(text);
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
