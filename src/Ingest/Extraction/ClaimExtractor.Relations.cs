namespace AleppoDashboard.Ingest.Extraction;

/// <summary>Whose share: the verb that governs it (taking, holding, losing ground) and who does it.</summary>
public sealed partial class ClaimExtractor
{
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
            if (length == 0 || IsModifier(tokens, k, length)) continue;
            // "allied fighters", "pro-government fighters": a longer actor phrase that ends here says whose they are
            for (var back = Math.Max(0, k - 2); back < k; back++)
            {
                if (words.Actors.At(tokens, back) is (var longer and > 0, { } side) && back + longer > k) { actor = side; k = back; break; }
            }
            // "seized a neighbourhood from rebels": the object of a preposition is not who does it
            if (k > 0 && tokens[k - 1].Text is "from" or "against" or "with" or "over" or "of" or "on" or "among") continue;
            return actor!;
        }
        return null;
    }

    /// <summary>"rebel-held", "rebel-controlled": an actor word used as an adjective does not act.</summary>
    static bool IsModifier(List<Token> tokens, int k, int length) =>
        k + length < tokens.Count && tokens[k + length].Text is "held" or "controlled" or "run" or "dominated" or "besieged";
}
