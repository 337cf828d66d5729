using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction.Arabic;

/// <summary>A place named in a sentence: its span in the sentence, its first and end token, and the place.</summary>
public readonly record struct ArabicPlaceHit(int Start, int End, int FirstToken, int EndToken, Place Place);

/// <summary>
/// Finds the gazetteer's Arabic names (<c>name_ar</c> and <c>aliases_ar</c>) in a sentence's tokens, normalised, longest
/// first, with a clitic allowed on the first word ("وبستان القصر", "بمساكن هنانو"). Generic words before a name (حي،
/// منطقة، دوار...) are not part of the span. Names that are also ordinary words (<c>place-ambiguous</c> cues: المشهد "the
/// scene", تشرين the month) count only after a generic word or beside another place in a list ("الصالحين والمشهد").
/// </summary>
public sealed class ArabicPlaceMatcher
{
    readonly ArabicPhraseTable<Place> names;
    readonly ArabicCues cues;

    public ArabicPlaceMatcher(IReadOnlyList<Place> gazetteer, ArabicCues cues)
    {
        this.cues = cues;
        names = new ArabicPhraseTable<Place>(cues.Words);
        foreach (var place in gazetteer)
        {
            if (place.NameAr is { } name) names.Add(name, place);
            foreach (var alias in place.AliasesAr.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                names.Add(alias, place);
            }
        }
    }

    public List<ArabicPlaceHit> Find(string text, List<ArabicToken> tokens)
    {
        var found = names.FindAll(tokens);
        var accepted = new bool[found.Count];
        var ambiguous = new bool[found.Count];
        for (var k = 0; k < found.Count; k++)
        {
            ambiguous[k] = IsAmbiguous(tokens, found[k]);
            accepted[k] = !ambiguous[k] || AfterGenericWord(tokens, found[k].First);
        }
        // an ambiguous name in a list beside an accepted place: "السكري والمشهد"
        for (var changed = true; changed;)
        {
            changed = false;
            for (var k = 0; k < found.Count; k++)
            {
                if (accepted[k]) continue;
                if (k > 0 && accepted[k - 1] && Listed(tokens, found[k - 1].End, found[k].First)
                    || k + 1 < found.Count && accepted[k + 1] && Listed(tokens, found[k].End, found[k + 1].First))
                {
                    accepted[k] = changed = true;
                }
            }
        }
        var hits = new List<ArabicPlaceHit>();
        for (var k = 0; k < found.Count; k++)
        {
            if (!accepted[k]) continue;
            var m = found[k];
            var start = ArabicSpans.SkipLetters(text, tokens[m.First], m.Strip);
            hits.Add(new ArabicPlaceHit(start, tokens[m.End - 1].End, m.First, m.End, m.Value));
        }
        return hits;
    }

    bool IsAmbiguous(List<ArabicToken> tokens, ArabicMatch<Place> m) =>
        cues.At("place-ambiguous", tokens, m.First) is { } a && a.End == m.End;

    /// <summary>حي، أحياء، منطقة ... just before the name (and, after a plural, a first name and "و").</summary>
    bool AfterGenericWord(List<ArabicToken> tokens, int first) =>
        cues.EndingAt("place-generic", tokens, first) is not null;

    /// <summary>Two names with only a list's joints between them: a comma, "و" on the second name, or nothing.</summary>
    static bool Listed(List<ArabicToken> tokens, int end, int next)
    {
        for (var i = end; i < next; i++)
        {
            if (tokens[i].Text is not ("،" or "," or "و" or "حي" or "احياء")) return false;
        }
        return next - end <= 2;
    }
}
