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
    const int MaxObjectTokens = 8;

    public List<ClaimCandidate> Find(string text, List<Token> tokens, IReadOnlyList<PhraseHit<Place>> places)
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
        // "we still hold half": whose side "we" is depends on who speaks, which the caller knows (SpeakerIsActor)
        var speakerActs = actor == "speaker";
        if (speakerActs) actor = "gov";
        var governmentSide = verb switch
        {
            "rebel-hold" => false, // "leaving rebels with 5 percent", "the enclave has shrunk to a tenth"
            "lose" => (actor ?? "rebel") != "gov",
            _ => (actor ?? "gov") != "rebel",
        };

        var scope = placeScope ?? ScopeFromHints(hints) ?? ScopeFromSentence(tokens, end, from, places) ?? "east";
        var claim = new ClaimCandidate(tokens[from].Start, tokens[end - 1].End, Math.Round(q.Value, 2), q.Kind, scope, q.Count, q.Of,
            hedge ?? "exact", speakerActs);
        return (governmentSide ? claim : claim.Inverted(), end);
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
