namespace AleppoDashboard.Ingest.Extraction.Arabic;

/// <summary>A phrase found at a token: tokens [First, End), letters of the first token left out as clitics, and its value.</summary>
public readonly record struct ArabicMatch<T>(int First, int End, int Strip, T Value);

/// <summary>
/// Normalised phrases (place names, cue words) looked up word by word. A phrase's first word may carry a clitic the
/// normalisation leaves on because it is not before the article ("وبستان القصر", "بمساكن هنانو"): a leading و/ف and then
/// ب/ل/ك are tried off in turn, exact form first. A phrase whose text ends in <c>*</c> is a stem: it matches any one word
/// that contains it ("سيطر*" in "وسيطرت", "السيطرة"). The longest phrase wins; the first value added for a phrase wins.
/// Words are compared by their numbers in the extractor's <see cref="ArabicWords"/>, which the tokenizer gave each token.
/// </summary>
public sealed class ArabicPhraseTable<T>(ArabicWords words)
{
    /// <summary>By the number of a phrase's first word: the numbers of its other words and its value, longest first.</summary>
    (int[] Others, T Value)[]?[] byFirst = [];
    readonly List<(string Stem, T Value)> stems = [];

    /// <summary>Where in <see cref="stems"/> the stems with each first letter are: a word is read once, not once per stem.</summary>
    readonly Dictionary<char, List<int>> stemsByFirst = [];

    public int Count => byFirst.Sum(l => l?.Length ?? 0) + stems.Count;

    public void Add(string phrase, T value)
    {
        phrase = phrase.Trim();
        if (phrase.EndsWith('*'))
        {
            var stem = Data.Text.ArabicNormalization.Normalize(phrase.TrimEnd('*').Trim());
            if (stem.Length == 0 || stems.Any(s => s.Stem == stem)) return;
            if (!stemsByFirst.TryGetValue(stem[0], out var at)) stemsByFirst[stem[0]] = at = [];
            at.Add(stems.Count);
            stems.Add((stem, value));
            return;
        }
        var ids = ArabicTokenizer.Tokenize(phrase).Where(t => t.Kind != ArabicTokenKind.Break).Select(t => words.Add(t.Text)).ToArray();
        if (ids.Length == 0) return;
        if (ids[0] >= byFirst.Length) Array.Resize(ref byFirst, words.Count);
        var list = byFirst[ids[0]] ?? [];
        var rest = ids[1..];
        if (list.Any(e => e.Others.AsSpan().SequenceEqual(rest))) return;
        byFirst[ids[0]] = [.. list.Append<(int[] Others, T Value)>((rest, value)).OrderByDescending(e => e.Others.Length)];
    }

    /// <summary>The longest phrase that starts at token <paramref name="i"/>, or null.</summary>
    public ArabicMatch<T>? MatchAt(List<ArabicToken> tokens, int i, bool clitics = true)
    {
        var token = tokens[i];
        if (token.Kind == ArabicTokenKind.Break) return null;
        // The word as it is, then without و/ف, then without ب/ل/ك too
        for (var variant = 0; variant < (clitics ? 3 : 1); variant++)
        {
            var (id, strip) = variant switch
            {
                0 => (token.Id, 0),
                1 => (token.IdWithoutConjunction, 1),
                _ => (token.IdWithoutPreposition, token.PrepositionEnd),
            };
            if ((uint)id >= (uint)byFirst.Length || byFirst[id] is not { } list) continue;
            foreach (var (rest, value) in list)
            {
                if (RestMatches(tokens, i + 1, rest)) return new ArabicMatch<T>(i, i + 1 + rest.Length, strip, value);
            }
        }
        if (token.IsWord && stems.Count > 0 && FirstStemIn(token.Text) is { } found) return new ArabicMatch<T>(i, i + 1, 0, stems[found].Value);
        return null;
    }

    /// <summary>The first stem added that the word contains, or null.</summary>
    int? FirstStemIn(string word)
    {
        var first = int.MaxValue;
        for (var p = 0; p < word.Length; p++)
        {
            if (!stemsByFirst.TryGetValue(word[p], out var at)) continue;
            foreach (var k in at)
            {
                if (k < first && word.AsSpan(p).StartsWith(stems[k].Stem, StringComparison.Ordinal)) first = k;
            }
        }
        return first == int.MaxValue ? null : first;
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

    static bool RestMatches(List<ArabicToken> tokens, int at, int[] rest)
    {
        if (at + rest.Length > tokens.Count) return false;
        for (var k = 0; k < rest.Length; k++)
        {
            if (tokens[at + k].Kind == ArabicTokenKind.Break || tokens[at + k].Id != rest[k]) return false;
        }
        return true;
    }
}
