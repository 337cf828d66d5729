using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>What a share is a share of: the object after "of" must be territory or a place; scope words on the way are hints.</summary>
public sealed partial class ClaimExtractor
{
    /// <summary>Words that may stand in an object before its head without saying anything of scope ("the onetime opposition stronghold", "the imperative Sheikh Saeed district").</summary>
    const int MaxUnknownWords = 2;

    /// <summary>
    /// Reads "of the eastern part", "of Aleppo", "of the Sukkari district", "of the total area of the city of Aleppo",
    /// "of their territory", "of this district": the object of a share, or null when it is not territory.
    /// </summary>
    ClaimObject? ReadObject(List<Token> tokens, int k, IReadOnlyList<PhraseHit<Place>> places, List<string> hints)
    {
        var limit = Math.Min(tokens.Count, k + MaxObjectTokens);
        var end = -1;
        var unknown = 0;
        bool demonstrative = false, held = false;
        while (k < limit && tokens[k].IsWord)
        {
            if (PlaceAt(tokens, k, places) is { } place)
            {
                k = TokenAfter(tokens, place.End);
                if (place.Value.Kind == "city-part" && place.Value.Sector == "east") hints.Add("east");
                else if (place.Value.Kind == "city-part" && place.Value.Sector == "west") hints.Add("city");
                else
                {
                    var unitLength = words.Units.At(tokens, k).Length;
                    return new ClaimObject(k + unitLength, ClaimScopes.Place(place.Value.Id), false, false);
                }
                end = k;
                continue;
            }
            var (determiner, _) = words.Determiners.At(tokens, k);
            if (determiner > 0 && end < 0)
            {
                if (tokens[k].Text is "their" or "its") held = true;
                if (tokens[k].Text is "this" or "that") demonstrative = true;
                k += determiner;
                continue;
            }
            if (end < 0 && tokens[k].Is("what") && HeldClauseLength(tokens, k + 1) is > 0 and var clause)
            {
                held = true; // "10 percent of what they used to control"
                end = k = k + 1 + clause;
                continue;
            }
            var (scopeLength, scope) = words.Scopes.At(tokens, k);
            var territory = words.Territory.At(tokens, k).Length;
            if (scopeLength > 0)
            {
                hints.Add(scope!);
                var last = tokens[k + scopeLength - 1];
                if (territory > 0 && !last.Possessive) end = k + Math.Max(scopeLength, territory);
                else if (last.Possessive) end = -1; // "the city of Aleppo's formerly rebel-held neighborhoods": the head is still to come
                else if (end >= 0) break;
                k += Math.Max(scopeLength, territory);
                continue;
            }
            if (territory > 0 || words.Units.At(tokens, k).Length > 0)
            {
                end = k + Math.Max(territory, 1);
                k = end;
                continue;
            }
            if (end < 0 && tokens[k].Number is not null)
            {
                k++; // "of its 40 neighbourhoods"
                continue;
            }
            if (end >= 0 && tokens[k].Is("of") && k + 1 < limit && !tokens[k - 1].Possessive)
            {
                k++; // "the total area of the city of Aleppo": the object goes on
                while (k < limit && words.Determiners.At(tokens, k) is (> 0, _) d) k += d.Item1;
                continue;
            }
            if (end < 0 && unknown < MaxUnknownWords && IsPlainWord(tokens, k))
            {
                unknown++;
                k++;
                continue;
            }
            break;
        }
        if (end < 0) return null;
        // "85 percent of east Aleppo's residents", "of the city's buildings"
        if (end < tokens.Count && words.Verbs.At(tokens, end) is (> 0, "other")) return null;
        if (end > 0 && tokens[end - 1].Possessive && end < tokens.Count && tokens[end].IsWord) return null;
        if (HeldClauseLength(tokens, end) > 0) held = true; // "the area it controlled", "the territory they held"
        var pointsBack = demonstrative && end - 1 >= 0 && words.Units.At(tokens, end - 1).Length > 0 && !tokens[end - 1].Text.EndsWith('s');
        return new ClaimObject(end, null, pointsBack, held);
    }

    /// <summary>"they held", "it controlled", "the rebels used to control": a clause saying the subject held the ground; its length or 0.</summary>
    int HeldClauseLength(List<Token> tokens, int k)
    {
        if (k >= tokens.Count || tokens[k].Text is not ("they" or "it" or "rebels" or "the" or "opposition" or "militants")) return 0;
        for (var j = k + 1; j < tokens.Count && j <= k + 4; j++)
        {
            if (words.Verbs.At(tokens, j) is (> 0 and var length, "hold")) return j + length - k;
            if (!tokens[j].IsWord) return 0;
        }
        return 0;
    }

    /// <summary>A word that is none of the vocabulary's: an adjective or a name inside an object ("onetime", "imperative").</summary>
    bool IsPlainWord(List<Token> tokens, int k) =>
        tokens[k].Number is null && !tokens[k].Is("of") && words.Verbs.At(tokens, k).Length == 0 && words.Actors.At(tokens, k).Length == 0
        && !words.NumberWords.ContainsKey(tokens[k].Text) && tokens[k].Text is not ("and" or "or" or "in" or "by" or "from" or "to" or "with");

    static string? ScopeFromHints(List<string> hints) =>
        hints.Contains("east") ? "east" : hints.Contains("city") ? "city" : null;

    /// <summary>The scope told by the rest of the sentence: after the claim first, then before it.</summary>
    string? ScopeFromSentence(List<Token> tokens, int end, int from, IReadOnlyList<PhraseHit<Place>> places)
    {
        var after = new List<string>();
        for (var k = end; k < tokens.Count; k++) AddHint(tokens, k, places, after);
        if (ScopeFromHints(after) is "east") return "east";
        var before = new List<string>();
        for (var k = 0; k < from; k++) AddHint(tokens, k, places, before);
        if (ScopeFromHints(before) is "east") return "east";
        return ScopeFromHints(after) ?? ScopeFromHints(before);
    }

    void AddHint(List<Token> tokens, int k, IReadOnlyList<PhraseHit<Place>> places, List<string> hints)
    {
        if (PlaceAt(tokens, k, places) is { } place && place.Value.Kind == "city-part" && place.Value.Sector == "east") hints.Add("east");
        var (length, scope) = words.Scopes.At(tokens, k);
        if (length > 0 && !(scope == "east" && words.Actors.At(tokens, k).Length > 0 && !IsModifier(tokens, k, 1))) hints.Add(scope!);
    }
}
