namespace AleppoDashboard.Ingest.Extraction.Arabic;

/// <summary>A phrase found at a token: tokens [First, End), letters of the first token left out as clitics, and its value.</summary>
public readonly record struct ArabicMatch<T>(int First, int End, int Strip, T Value);

/// <summary>
/// Normalised phrases (place names, cue words) looked up word by word. A phrase's first word may carry a clitic the
/// normalisation leaves on because it is not before the article ("وبستان القصر", "بمساكن هنانو"): a leading و/ف and then
/// ب/ل/ك are tried off in turn, exact form first. A phrase whose text ends in <c>*</c> is a stem: it matches any one word
/// that contains it ("سيطر*" in "وسيطرت", "السيطرة"). The longest phrase wins; the first value added for a phrase wins.
/// </summary>
public sealed class ArabicPhraseTable<T>
{
    readonly Dictionary<string, List<(string[] Words, T Value)>> byFirst = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<(string[] Words, T Value)>>.AlternateLookup<ReadOnlySpan<char>> byFirstSpan;
    readonly List<(string Stem, T Value)> stems = [];

    public ArabicPhraseTable()
    {
        byFirstSpan = byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => byFirst.Values.Sum(l => l.Count) + stems.Count;

    public void Add(string phrase, T value)
    {
        phrase = phrase.Trim();
        if (phrase.EndsWith('*'))
        {
            var stem = Data.Text.ArabicNormalization.Normalize(phrase.TrimEnd('*').Trim());
            if (stem.Length > 0 && !stems.Any(s => s.Stem == stem)) stems.Add((stem, value));
            return;
        }
        var words = ArabicTokenizer.Tokenize(phrase).Where(t => t.Kind != ArabicTokenKind.Break).Select(t => t.Text).ToArray();
        if (words.Length == 0) return;
        if (!byFirst.TryGetValue(words[0], out var list)) byFirst[words[0]] = list = [];
        var rest = words[1..];
        if (list.Any(e => e.Words.AsSpan().SequenceEqual(rest))) return;
        list.Add((rest, value));
        list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    /// <summary>The longest phrase that starts at token <paramref name="i"/>, or null.</summary>
    public ArabicMatch<T>? MatchAt(List<ArabicToken> tokens, int i, bool clitics = true)
    {
        var token = tokens[i];
        if (token.Kind == ArabicTokenKind.Break) return null;
        // The word as it is, then without و/ف, then without ب/ل/ك too: looked up as spans of the word, since this runs
        // for every token and every table (no iterator and no substring per look-up).
        var w = token.Text;
        var withoutConjunction = clitics && token.IsWord && w.Length >= 3 && w[0] is 'و' or 'ف' ? 1 : 0;
        var withoutPreposition = clitics && token.IsWord && w.Length - withoutConjunction >= 4 && w[withoutConjunction] is 'ب' or 'ل' or 'ك' ? withoutConjunction + 1 : 0;
        for (var variant = 0; variant < 3; variant++)
        {
            var strip = variant switch { 0 => 0, 1 => withoutConjunction, _ => withoutPreposition };
            if (variant > 0 && strip == 0) continue;
            if (!byFirstSpan.TryGetValue(w.AsSpan(strip), out var list)) continue;
            foreach (var (rest, value) in list)
            {
                if (RestMatches(tokens, i + 1, rest)) return new ArabicMatch<T>(i, i + 1 + rest.Length, strip, value);
            }
        }
        if (token.IsWord)
        {
            foreach (var (stem, value) in stems)
            {
                if (token.Text.Contains(stem, StringComparison.Ordinal)) return new ArabicMatch<T>(i, i + 1, 0, value);
            }
        }
        return null;
    }

    /// <summary>Every match in the tokens, leftmost and longest first, not overlapping.</summary>
    public List<ArabicMatch<T>> FindAll(List<ArabicToken> tokens, int from = 0, int to = int.MaxValue)
    {
        var found = new List<ArabicMatch<T>>();
        to = Math.Min(to, tokens.Count);
        for (var i = Math.Max(0, from); i < to; i++)
        {
            if (MatchAt(tokens, i) is not { } m || m.End > to) continue;
            found.Add(m);
            i = m.End - 1;
        }
        return found;
    }

    static bool RestMatches(List<ArabicToken> tokens, int at, string[] rest)
    {
        if (at + rest.Length > tokens.Count) return false;
        for (var k = 0; k < rest.Length; k++)
        {
            if (tokens[at + k].Kind == ArabicTokenKind.Break || tokens[at + k].Text != rest[k]) return false;
        }
        return true;
    }
}
