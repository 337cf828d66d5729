using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// Finds claims about how much of Aleppo, east Aleppo or one neighbourhood government forces hold: a share
/// (<c>85 percent</c>, <c>three quarters</c>, <c>32 of the 40 neighbourhoods</c>) whose object is territory
/// (<c>of the eastern part</c>, <c>of the Sukkari district</c>) and whose nearest verb is one of taking, holding
/// or losing ground. Shares of anything else (buildings, people) and numbers near other verbs are not claims.
/// The value is turned into the government's share when the rebels are the ones holding or the government the one losing.
/// </summary>
public sealed partial class ClaimExtractor(ExtractionVocabulary words)
{
    const int MaxObjectTokens = 12;

    /// <param name="reportYear">The year the article was published, when known (a share "in" an earlier year is history).</param>
    public List<ClaimCandidate> Find(string text, List<Token> tokens, IReadOnlyList<PhraseHit<Place>> places, int? reportYear = null)
    {
        var claims = new List<ClaimCandidate>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i].Number is null && !words.NumberWords.ContainsKey(tokens[i].Text) && !words.Fractions.Starts(tokens[i].Text) && !tokens[i].Is("a"))
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
            var (claim, end) = Claim(tokens, places, quantity, reportYear);
            if (claim is not null) claims.Add(claim);
            i = Math.Max(quantity.To, end); // the share's object is not read again ("three quarters of the eastern half")
        }
        return claims;
    }

    (ClaimCandidate? Claim, int End) Claim(List<Token> tokens, IReadOnlyList<PhraseHit<Place>> places, Quantity q, int? reportYear)
    {
        var (from, value, hedge) = RangeBefore(tokens, q);
        if (hedge is null)
        {
            (var hedgeLength, hedge) = words.Hedges.EndingAt(tokens, q.From);
            from = q.From - hedgeLength;
        }
        var end = q.To;
        string? placeScope = null;
        var hints = new List<string>(q.Hints);
        var hasObject = q.Kind == ClaimKind.NeighbourhoodCount;
        bool pointsBack = false, heldBySubject = false;
        var ofAt = SkipParenthesis(tokens, q.To); // "about 40 percent (20 out of 45 square kilometers) of the militant-held part"
        // "half the city", "half its territory": half takes its object without "of"
        var halfWithoutOf = q.Kind == ClaimKind.Fraction && tokens[q.To - 1].Is("half") && ofAt < tokens.Count && tokens[ofAt].Text is "the" or "its" or "their";
        if (ofAt < tokens.Count && (tokens[ofAt].Is("of") || halfWithoutOf) && q.Kind != ClaimKind.NeighbourhoodCount)
        {
            if (ReadObject(tokens, halfWithoutOf ? ofAt : ofAt + 1, places, hints) is not { } obj) return (null, q.To);
            (end, placeScope, pointsBack, heldBySubject) = (obj.End, obj.PlaceScope, obj.PointsBack, obj.HeldBySubject);
            hasObject = true;
        }
        else if (q.Kind == ClaimKind.Fraction)
        {
            return (null, q.To);
        }

        if (IsHistorical(tokens, from, end, reportYear)) return (null, end);
        var relation = Relation(tokens, from, q.To, end, requireClose: !hasObject);
        if (relation is null) return (null, end);
        var (verb, actor) = relation.Value;
        // "we still hold half": whose side "we" is depends on who speaks, which the caller knows (SpeakerIsActor)
        var speakerActs = actor == "speaker";
        if (speakerActs) actor = "gov";
        var governmentSide = verb switch
        {
            "rebel-hold" => false, // "leaving rebels with 5 percent", "the enclave has shrunk to a tenth"
            "lose" => (actor ?? "rebel") != "gov",
            _ => (actor ?? "gov") != "rebel",
        };
        // "the opposition lost a third of the area it controlled", "rebels held a tenth of their territory": the rebel-held east
        var rebelsGround = heldBySubject && (actor == "rebel" || verb == "rebel-hold");

        var scope = placeScope ?? (rebelsGround ? "east" : null) ?? ScopeFromHints(hints) ?? ScopeFromSentence(tokens, end, from, places) ?? "east";
        var claim = new ClaimCandidate(tokens[from].Start, tokens[end - 1].End, Math.Round(value, 2), q.Kind, scope, q.Count, q.Of,
            hedge ?? ClaimHedge.Exact, speakerActs, pointsBack && placeScope is null);
        return (governmentSide ? claim : claim.Inverted() with { StatedHolder = verb == "lose" ? StatedShare.GovernmentLost : StatedShare.Rebels }, end);
    }

    /// <summary>"between 40 and 45 percent", "40 to 45 percent": where the range starts, its middle and the hedge "between"; else the quantity as it is.</summary>
    (int From, double Value, ClaimHedge? Hedge) RangeBefore(List<Token> tokens, Quantity q)
    {
        if (q.Kind != ClaimKind.Area || q.From < 2) return (q.From, q.Value, null);
        var joiner = tokens[q.From - 1];
        if (!(joiner.Is("and") || joiner.Is("to")) || tokens[q.From - 2].Number is not { } low || low >= q.Value || low < 0) return (q.From, q.Value, null);
        var from = q.From - 2;
        if (joiner.Is("and"))
        {
            if (from == 0 || !tokens[from - 1].Is("between")) return (q.From, q.Value, null);
            from--;
        }
        return (from, (low + q.Value) / 2, ClaimHedge.Between);
    }

    /// <summary>
    /// "since they seized half the city in 2012", "rebels took a third of the city in 2012": a share told as past history, not a
    /// claim about the battle. "since" shortly before the share, or "in" and a year earlier than the article's after it.
    /// </summary>
    static bool IsHistorical(List<Token> tokens, int from, int end, int? reportYear)
    {
        for (var k = Math.Max(0, from - 5); k < from; k++)
        {
            if (tokens[k].Is("since")) return true;
        }
        for (var k = end; k + 1 < tokens.Count && k <= end + 2; k++)
        {
            if (tokens[k].Is("in") && tokens[k + 1].Number is { } year && year is >= 1900 and < 2100 && year == Math.Floor(year)
                && reportYear is { } reported && year < reported) return true;
        }
        return false;
    }

    static int SkipParenthesis(List<Token> tokens, int k)
    {
        if (k >= tokens.Count || !tokens[k].Is("(")) return k;
        for (var j = k + 1; j < tokens.Count && j < k + 16; j++)
        {
            if (tokens[j].Is(")")) return j + 1;
        }
        return k;
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
