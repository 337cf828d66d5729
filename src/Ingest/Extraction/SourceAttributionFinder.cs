using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// The sources a sentence cites (Reference/sources.csv), found through the shared <see cref="PhraseIndex"/>. Names that
/// are also ordinary actors ("the army", "rebels") count only next to a speech verb ("rebels said",
/// "according to the army"). Says who speaks and who relays, so a claim can be credited to the speaker.
/// </summary>
public sealed class SourceAttributionFinder
{
    readonly ExtractionVocabulary words;

    /// <summary>The kind of the source names in the shared index.</summary>
    public int Kind { get; }

    public SourceAttributionFinder(IEnumerable<SourcePattern> sources, ExtractionVocabulary vocabulary, PhraseIndex index)
    {
        Kind = index.AddKind(pluralOrPossessive: false);
        foreach (var source in sources)
        {
            foreach (var pattern in source.Patterns) index.Add(Kind, pattern, source);
        }
        words = vocabulary;
    }

    /// <summary>The citations among the index's hits of <see cref="Kind"/> in a sentence.</summary>
    public List<SourceHit> Accept(List<PhraseHit<object>> found, List<Token> tokens)
    {
        var hits = new List<SourceHit>();
        foreach (var raw in found)
        {
            var hit = new PhraseHit<SourcePattern>(raw.Start, raw.Length, (SourcePattern)raw.Value);
            var first = Tokenizer.IndexAt(tokens, hit.Start);
            var after = Tokenizer.IndexAt(tokens, hit.End);
            if (hit.Value.NeedsSpeech && !NearSpeech(tokens, first, after)) continue;
            hits.Add(new SourceHit(hit.Start, hit.End, hit.Value, IsRelay(tokens, first, after), SpeaksAt(tokens, first, after)));
        }
        return hits;
    }

    /// <summary>True when the sentence says its words are someone's without naming them ("he said").</summary>
    public bool HasPronounSpeech(List<Token> tokens)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (words.PronounSpeech.At(tokens, k).Length > 0) return true;
        }
        return false;
    }

    bool NearSpeech(List<Token> tokens, int first, int after)
    {
        if (HeadlineCredit(tokens, first, after)) return true;
        for (var k = after; k < tokens.Count && k < after + 6; k++)
        {
            if (words.Speech.At(tokens, k).Length > 0) return true;
        }
        // "..., said the army.", "according to rebels", but not "Lavrov said the army had suspended ..."
        var k0 = first;
        while (k0 > 0 && tokens[k0 - 1].Text is "the" or "a" or "an") k0--;
        if (words.Speech.EndingAt(tokens, k0).Length == 0) return false;
        var according = k0 >= 2 && tokens[k0 - 1].Is("to") && tokens[k0 - 2].Is("according");
        return according || after >= tokens.Count || !tokens[after].IsWord || tokens[after].Text is "on" or "in" or "at" or "late" or "earlier" or "today";
    }

    /// <summary>Who speaks in a sentence: a source followed by its speech verb, else the first that is not relaying, else the first relay.</summary>
    public static SourceHit? Speaker(IReadOnlyList<SourceHit> hits) =>
        hits.FirstOrDefault(h => h.Speaks && !h.IsRelay) ?? hits.FirstOrDefault(h => !h.IsRelay) ?? hits.FirstOrDefault();

    /// <summary>A headline's "...: monitor" or "Russian MoD: ...".</summary>
    static bool HeadlineCredit(List<Token> tokens, int first, int after) =>
        first > 0 && tokens[first - 1].Is(":") && tokens.Skip(after).All(t => !t.IsWord)
        || first == 0 && after < tokens.Count && tokens[after].Is(":");

    bool SpeaksAt(List<Token> tokens, int first, int after)
    {
        if (HeadlineCredit(tokens, first, after)) return true;
        for (var k = after; k < tokens.Count && k < after + 3; k++)
        {
            if (words.Speech.At(tokens, k).Length > 0) return true;
        }
        return first >= 2 && tokens[first - 1].Is("to") && tokens[first - 2].Is("according");
    }

    bool IsRelay(List<Token> tokens, int first, int after)
    {
        if (first > 0 && tokens[first - 1].Is("(") && after < tokens.Count && tokens[after].Is(")")) return true; // a dateline's "(AFP)"
        var k = first;
        while (k > 0 && words.Determiners.At(tokens, k - 1) is (1, _) && k > first - 3) k--;
        if (k > 0 && tokens[k - 1].Is(",") && words.Relays.EndingAt(tokens, k - 1).Length > 0) return true;
        return words.Relays.EndingAt(tokens, k).Length > 0;
    }
}
