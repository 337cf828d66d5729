using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// Finds claims about how much of Aleppo, east Aleppo or one neighbourhood government forces hold: a share
/// (<c>85 percent</c>, <c>three quarters</c>, <c>32 of the 40 neighbourhoods</c>) whose object is territory
/// (<c>of the eastern part</c>, <c>of the Sukkari district</c>) and whose nearest verb is one of taking, holding
/// or losing ground. Shares of anything else (buildings, people) and numbers near other verbs are not claims.
/// The value is turned into the government's share when the rebels are the ones holding or the government the one losing.
/// </summary>
public sealed class ClaimExtractor(ExtractionVocabulary words)
{
    const int MaxObjectTokens = 8;

    public List<ClaimCandidate> Find(string text, List<Token> tokens, IReadOnlyList<PhraseHit<Place>> places)
    {
        var claims = new List<ClaimCandidate>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i].Number is null && !words.NumberWords.ContainsKey(tokens[i].Text) && !words.Fractions.Starts(tokens[i].Text))
            {
                i++;
                continue;
            }
            var quantity = CountAt(tokens, i, places) ?? PercentAt(tokens, i) ?? FractionAt(tokens, i);
            if (quantity is null)
            {
                i++;
                continue;
            }
            var (claim, end) = Claim(tokens, places, quantity);
            if (claim is not null) claims.Add(claim);
            i = Math.Max(quantity.To, end); // the share's object is not read again ("three quarters of the eastern half")
        }
        return claims;
    }

    (ClaimCandidate? Claim, int End) Claim(List<Token> tokens, IReadOnlyList<PhraseHit<Place>> places, Quantity q)
    {
        var (hedgeLength, hedge) = words.Hedges.EndingAt(tokens, q.From);
        var from = q.From - hedgeLength;
        var end = q.To;
        string? placeScope = null;
        var hints = new List<string>(q.Hints);
        var hasObject = q.Kind == "neighbourhood_count";
        if (q.To < tokens.Count && tokens[q.To].Is("of") && q.Kind != "neighbourhood_count")
        {
            var obj = ReadObject(tokens, q.To + 1, places, hints);
            if (obj is null) return (null, q.To);
            (end, placeScope) = obj.Value;
            hasObject = true;
        }
        else if (q.Kind == "fraction")
        {
            return (null, q.To);
        }

        var relation = Relation(tokens, from, q.To, end, requireClose: !hasObject);
        if (relation is null) return (null, end);
        var (verb, actor) = relation.Value;
        var governmentSide = verb switch
        {
            "rebel-hold" => false, // "leaving rebels with 5 percent", "the enclave has shrunk to a tenth"
            "lose" => (actor ?? "rebel") != "gov",
            _ => (actor ?? "gov") != "rebel",
        };

        var scope = placeScope ?? ScopeFromHints(hints) ?? ScopeFromSentence(tokens, end, from, places) ?? "east";
        var value = q.Value;
        var count = q.Count;
        if (!governmentSide)
        {
            value = 100 - value;
            hedge = hedge switch { "over" => "under", "under" => "over", "nearly" => "over", "at least" => "under", _ => hedge };
            if (count is { } c && q.Of is { } of) count = of - c;
        }
        return (new ClaimCandidate(tokens[from].Start, tokens[end - 1].End, Math.Round(value, 2), q.Kind, scope, count, q.Of,
            hedge ?? "exact"), end);
    }

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

    /// <summary>The verb that governs the share (nearest before, inside or after) and the actor doing it.</summary>
    (string Verb, string? Actor)? Relation(List<Token> tokens, int from, int quantityEnd, int end, bool requireClose)
    {
        int? beforeAt = null, afterAt = null, insideAt = null;
        string? before = null, after = null, inside = null;
        int beforeLength = 0;
        for (var k = from - 1; k >= 0 && before is null; k--)
        {
            var (length, verb) = words.Verbs.At(tokens, k);
            if (length > 0 && k + length <= from) { before = verb; beforeAt = k; beforeLength = length; }
        }
        for (var k = from; k < quantityEnd && inside is null; k++)
        {
            var (length, verb) = words.Verbs.At(tokens, k);
            if (length > 0) { inside = verb; insideAt = k; }
        }
        for (var k = end; k < tokens.Count && after is null; k++)
        {
            var (length, verb) = words.Verbs.At(tokens, k);
            if (length > 0) { after = verb; afterAt = k; }
        }
        var distanceBefore = before is null ? int.MaxValue : from - (beforeAt!.Value + beforeLength);
        var distanceAfter = after is null ? int.MaxValue : afterAt!.Value - end;
        var holderSide = HolderAfter(tokens, end);
        if (holderSide is not null && inside is null && distanceBefore > 3) return ("hold", (string?)holderSide);
        string? chosen;
        int at;
        if (inside is not null) { chosen = inside; at = insideAt!.Value; }
        else if (distanceBefore <= distanceAfter) { chosen = before; at = beforeAt ?? -1; }
        else { chosen = after; at = afterAt ?? -1; }
        if (chosen is null or "other") return null;
        if (requireClose && Math.Min(distanceBefore, distanceAfter) > 4 && inside is null) return null;
        return (chosen, ActorOf(tokens, at, from, end));
    }

    /// <summary>"... is under government control", "... in rebel hands": who holds it, said after the share.</summary>
    string? HolderAfter(List<Token> tokens, int end)
    {
        for (var k = end; k < tokens.Count && k < end + 10; k++)
        {
            var (holderLength, holder) = words.Holders.At(tokens, k);
            if (holderLength > 0) return holder;
            if (tokens[k].Is(";")) break;
        }
        return null;
    }

    string? ActorOf(List<Token> tokens, int verbAt, int from, int end)
    {
        // passive: "85 percent ... was taken by rebels"
        if (verbAt >= end)
        {
            for (var k = verbAt; k < tokens.Count - 1 && k < verbAt + 4; k++)
            {
                if (tokens[k].Is("by") && words.Actors.At(tokens, k + 1) is (> 0, { } passive)) return passive;
            }
        }
        for (var k = Math.Min(verbAt, from) - 1; k >= 0; k--)
        {
            if (tokens[k].Is(";")) break;
            var (length, actor) = words.Actors.At(tokens, k);
            if (length > 0 && !IsModifier(tokens, k, length)) return actor!;
        }
        return null;
    }

    /// <summary>"rebel-held", "rebel-controlled": an actor word used as an adjective does not act.</summary>
    static bool IsModifier(List<Token> tokens, int k, int length) =>
        k + length < tokens.Count && tokens[k + length].Text is "held" or "controlled" or "run" or "dominated" or "besieged";

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

    Quantity? PercentAt(List<Token> tokens, int i)
    {
        var (value, length) = NumberAt(tokens, i);
        if (length == 0 || value is < 0 or > 100) return null;
        var percent = words.PercentWords.At(tokens, i + length).Length;
        return percent == 0 ? null : new Quantity(i, i + length + percent, value, "area", null, null, []);
    }

    Quantity? FractionAt(List<Token> tokens, int i)
    {
        var (length, value) = words.Fractions.At(tokens, i);
        return length == 0 || value is null ? null : new Quantity(i, i + length, value.Value, "fraction", null, null, []);
    }

    /// <summary>"32 of east Aleppo's 40 neighbourhoods", "32 out of 40 districts", "32 neighbourhoods ... out of an original 40".</summary>
    Quantity? CountAt(List<Token> tokens, int i, IReadOnlyList<PhraseHit<Place>> places)
    {
        var (count, countLength) = NumberAt(tokens, i);
        if (countLength == 0 || count < 1) return null;
        var k = i + countLength;
        var hints = new List<string>();
        var ofLength = OfAt(tokens, k);
        if (ofLength > 0)
        {
            var j = SkipModifiers(tokens, k + ofLength, 5, places, hints);
            var (of, ofNumberLength) = NumberAt(tokens, j);
            if (ofNumberLength > 0 && of >= count)
            {
                var u = SkipModifiers(tokens, j + ofNumberLength, 2, places, hints);
                var unit = words.Units.At(tokens, u).Length;
                if (unit > 0) return Count(i, u + unit, count, of, hints);
                // "raising the number of liberated neighbourhoods to 31 out of 40"
                for (var b = Math.Max(0, i - 6); b < i; b++)
                {
                    if (words.Units.At(tokens, b).Length > 0) return Count(i, j + ofNumberLength, count, of, hints);
                }
            }
            return null;
        }
        var unitAt = SkipModifiers(tokens, k, 2, places, hints);
        var unitLength = words.Units.At(tokens, unitAt).Length;
        if (unitLength == 0) return null;
        for (var m = unitAt + unitLength; m < tokens.Count && m < unitAt + unitLength + 10; m++)
        {
            if (!tokens[m].IsWord && !tokens[m].Is(",")) break;
            var total = OfAt(tokens, m);
            if (total == 0) continue;
            var j = m + total;
            while (j < tokens.Count && words.Determiners.At(tokens, j) is (> 0, _) d) j += d.Item1;
            var (of, ofNumberLength) = NumberAt(tokens, j);
            if (ofNumberLength > 0 && of >= count)
            {
                var end = j + ofNumberLength;
                end += words.Units.At(tokens, end).Length;
                return Count(i, end, count, of, hints);
            }
            break;
        }
        return null;
    }

    static Quantity Count(int from, int to, double count, double of, List<string> hints) =>
        new(from, to, count / of * 100, "neighbourhood_count", (int)count, (int)of, hints);

    static int OfAt(List<Token> tokens, int k) =>
        k < tokens.Count && tokens[k].Is("of") ? 1
        : k + 1 < tokens.Count && tokens[k].Is("out") && tokens[k + 1].Is("of") ? 2
        : 0;

    /// <summary>Skips determiners, scope words, possessives and place names (collecting scope hints) up to <paramref name="max"/> tokens.</summary>
    int SkipModifiers(List<Token> tokens, int k, int max, IReadOnlyList<PhraseHit<Place>> places, List<string> hints)
    {
        var limit = k + max;
        while (k < tokens.Count && k < limit)
        {
            if (PlaceAt(tokens, k, places) is { } place)
            {
                if (place.Value.Kind == "city-part" && place.Value.Sector == "east") hints.Add("east");
                k = TokenAfter(tokens, place.End);
                continue;
            }
            var (scopeLength, scope) = words.Scopes.At(tokens, k);
            if (scopeLength > 0) { hints.Add(scope!); k += scopeLength; continue; }
            var (determiner, _) = words.Determiners.At(tokens, k);
            if (determiner > 0) { k += determiner; continue; }
            break;
        }
        return k;
    }

    (double Value, int Length) NumberAt(List<Token> tokens, int i)
    {
        if (i >= tokens.Count) return (0, 0);
        if (tokens[i].Number is { } n) return (n, 1);
        if (!words.NumberWords.TryGetValue(tokens[i].Text, out var tens)) return (0, 0);
        if (tens >= 20 && tens % 10 == 0 && i + 1 < tokens.Count && words.NumberWords.TryGetValue(tokens[i + 1].Text, out var unit) && unit < 10)
        {
            return (tens + unit, 2);
        }
        return (tens, 1);
    }

    static PhraseHit<Place>? PlaceAt(List<Token> tokens, int k, IReadOnlyList<PhraseHit<Place>> places)
    {
        foreach (var place in places)
        {
            if (place.Start == tokens[k].Start) return place;
        }
        return null;
    }

    static int TokenAfter(List<Token> tokens, int offset)
    {
        var k = 0;
        while (k < tokens.Count && tokens[k].Start < offset) k++;
        return k;
    }
}
