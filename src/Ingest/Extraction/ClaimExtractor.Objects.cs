using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>What a share is a share of: the object after "of" must be territory or a place; scope words on the way are hints.</summary>
public sealed partial class ClaimExtractor
{
    /// <summary>Reads "of the eastern part", "of Aleppo", "of the Sukkari district": returns the end token and a place scope, or null when the object is not territory.</summary>
    (int End, string? PlaceScope)? ReadObject(List<Token> tokens, int k, IReadOnlyList<PhraseHit<Place>> places, List<string> hints)
    {
        var limit = Math.Min(tokens.Count, k + MaxObjectTokens);
        var end = -1;
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
                    return (k + unitLength, "place:" + place.Value.Id);
                }
                end = k;
                continue;
            }
            var (determiner, _) = words.Determiners.At(tokens, k);
            if (determiner > 0 && end < 0)
            {
                k += determiner;
                continue;
            }
            var (scopeLength, scope) = words.Scopes.At(tokens, k);
            var territory = words.Territory.At(tokens, k).Length;
            if (scopeLength > 0)
            {
                hints.Add(scope!);
                var last = tokens[k + scopeLength - 1];
                if (territory > 0 && !last.Possessive) end = k + Math.Max(scopeLength, territory);
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
            break;
        }
        if (end < 0) return null;
        // "85 percent of east Aleppo's residents", "of the city's buildings"
        if (end < tokens.Count && words.Verbs.At(tokens, end) is (> 0, "other")) return null;
        if (end > 0 && tokens[end - 1].Possessive && end < tokens.Count && tokens[end].IsWord) return null;
        return (end, null);
    }

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
