using AleppoDashboard.Data.Facts;
namespace AleppoDashboard.Ingest.Extraction.Arabic;

/// <summary>
/// Control claims in an Arabic sentence. A share (<see cref="ArabicQuantities"/>) is a claim when the sentence has a
/// control word (<c>verb</c> cues: سيطر، استعاد، حرر، خسر، فقد...) and the share's object is not people or time
/// (<c>not-territory</c>). Then, from the cue words around it:
/// <list type="bullet">
/// <item>the hedge just before it (أكثر من، نحو، قرابة، أقل من);</item>
/// <item>whose share: the actor named last before it, not as an object ("طرد الإرهابيين", "من المعارضة", the second
/// actor of "طرد الجيش المسلحين") or an owner ("أحياء المعارضة"), or the
/// holder after it ("بيد قوات النظام"); the rebels holding or taking it, or the government losing it, make it the
/// rebels' share, which is turned into the government's; the rebels losing it is the government's gain;</item>
/// <item>its scope (<see cref="ScopeOf"/>).</item>
/// </list>
/// </summary>
public sealed class ArabicClaimExtractor(ArabicCues cues)
{
    /// <summary>How many tokens after the share its object may run, within its clause.</summary>
    const int ObjectReach = 9;

    /// <summary>How near the share a place or "الحي" must start to be its object.</summary>
    const int HeadReach = 3;

    public List<ClaimCandidate> Find(string text, List<ArabicToken> tokens, List<ArabicPlaceHit> places)
    {
        var claims = new List<ClaimCandidate>();
        var quantities = ArabicQuantities.Find(tokens, cues);
        if (quantities.Count == 0) return claims;
        var verbs = cues["verb"].FindAll(tokens);
        if (verbs.Count == 0) return claims;
        var actors = cues["actor"].FindAll(tokens);
        foreach (var q in quantities)
        {
            var objectEnd = ObjectEnd(tokens, q.End);
            if (NotTerritory(tokens, q.End, Math.Min(objectEnd, q.End + 4))) continue;
            var hedge = cues.EndingAt("hedge", tokens, q.First);
            var first = hedge?.First ?? q.First;
            var verb = verbs.LastOrDefault(v => v.End <= first).Value ?? verbs.FirstOrDefault(v => v.First >= q.End && v.First < objectEnd).Value ?? "hold";
            var side = HolderAfter(tokens, q.End, objectEnd) ?? SubjectBefore(tokens, actors, first) ?? (verb == "lose" ? "rebel" : "gov");
            var (scope, pointsBack) = ScopeOf(tokens, q, objectEnd, places);
            var end = tokens[Math.Max(q.End, objectEnd) - 1].End;
            var claim = new ClaimCandidate(tokens[first].Start, end, q.Value, q.Kind, scope, q.Count, q.Of, ClaimHedges.TryParse(hedge?.Value) ?? ClaimHedge.Exact, PointsBack: pointsBack);
            var rebelsShare = side == "rebel" ? verb != "lose" : verb == "lose";
            claims.Add(rebelsShare ? claim.Inverted() : claim);
        }
        return claims;
    }

    /// <summary>The object runs to the clause's end, at most <see cref="ObjectReach"/> tokens.</summary>
    static int ObjectEnd(List<ArabicToken> tokens, int from)
    {
        var end = from;
        while (end < tokens.Count && end - from < ObjectReach && tokens[end].Kind != ArabicTokenKind.Break) end++;
        return end;
    }

    bool NotTerritory(List<ArabicToken> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (cues.At("not-territory", tokens, i) is not null) return true;
        }
        return false;
    }

    /// <summary>"... بيد قوات النظام", "... تحت سيطرة المعارضة": the side a holder phrase after the share names.</summary>
    string? HolderAfter(List<ArabicToken> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (cues.At("holder", tokens, i) is { } holder && cues.At("actor", tokens, holder.End) is { } actor) return actor.Value;
        }
        return null;
    }

    /// <summary>The actor named last before the share that is its subject: not after a preposition, not an owner.</summary>
    string? SubjectBefore(List<ArabicToken> tokens, List<ArabicMatch<string>> actors, int first)
    {
        for (var k = actors.Count - 1; k >= 0; k--)
        {
            var a = actors[k];
            if (a.End > first) continue;
            if (a.Value == "neither") return null;
            if (k > 0 && actors[k - 1].End == a.First) continue; // verb, subject, object: "طرد الجيش المسلحين"
            var before = a.First - 1;
            if (before >= 0 && (cues.At("not-subject-before", tokens, before) is { } n && n.End == a.First || cues.At("territory", tokens, before) is { } t && t.End == a.First)) continue;
            return a.Value;
        }
        return null;
    }

    /// <summary>
    /// A place (or "الحي", pointing back) at the head of the object; east words in the object, or ground the rebels
    /// held ("المنطقة التي كانت تخضع لفصائل المعارضة"); city words (حلب، المدينة); else east, the part of the city the
    /// battle was for.
    /// </summary>
    (string Scope, bool PointsBack) ScopeOf(List<ArabicToken> tokens, ArabicQuantity q, int objectEnd, List<ArabicPlaceHit> places)
    {
        var head = Math.Min(objectEnd, q.End + HeadReach);
        foreach (var p in places)
        {
            if (p.FirstToken < q.End || p.FirstToken >= head) continue;
            if (p.Place.Kind == "city-part" && p.Place.Sector is "east" or "west") return (p.Place.Sector, false);
            return (ClaimScopes.Place(p.Place.Id), false);
        }
        for (var i = q.End; i < head; i++)
        {
            if (cues.At("pointer", tokens, i) is not null) return ("", true);
        }
        var scopes = cues["scope"].FindAll(tokens, q.End, objectEnd);
        if (scopes.Any(s => s.Value == "east")) return ("east", false);
        if (cues["actor"].FindAll(tokens, q.End, objectEnd).Any(a => a.Value == "rebel")) return ("east", false);
        if (scopes.Any(s => s.Value == "city")) return ("city", false);
        return ("east", false);
    }
}
