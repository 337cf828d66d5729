using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Data.Text;
using AleppoDashboard.Ingest.Extraction;

namespace AleppoDashboard.Ingest.Evaluation;

/// <summary>
/// One article's extraction set against its gold annotation. Places are compared per distinct place: a gold name is
/// found when a mention of some place covers most of one of its occurrences, one place per gold name. Claims are
/// compared per claim: a claim is found when it overlaps the annotated sentence or clause, and right when its value
/// (within half a point), scope and kind agree. What overlaps an optional or hypothetical annotation counts neither way.
/// </summary>
public sealed class ArticleScore
{
    public int GoldPlaces, FoundPlaces, ExtractedPlaces, NeutralPlaces;
    public int GoldClaims, FoundClaims, RightClaims, ExtractedClaims, NeutralClaims;
    public int RightValue, RightScope, RightKind;
    public List<string> Problems { get; } = [];

    public static ArticleScore Compute(GoldArticle gold, Article article, ExtractedFacts facts, IReadOnlyList<Place> gazetteer)
    {
        var score = new ArticleScore();
        score.ScorePlaces(gold, article, facts.Mentions, gazetteer);
        score.ScoreClaims(gold, article, facts, gazetteer);
        return score;
    }

    static TextRange RangeOf(SentenceSpan fact) => new(fact.Sentence.Part, fact.Sentence.Start + fact.Start, fact.Sentence.Start + fact.Start + fact.Length);

    /// <summary>The annotation rules leave out "east Aleppo" and its like: the halves of the city are not neighbourhoods.</summary>
    static bool IsCityHalf(string id, IReadOnlyList<Place> gazetteer) =>
        gazetteer.FirstOrDefault(p => p.Id == id) is { Kind: "city-part", Sector: "east" or "west" };

    void ScorePlaces(GoldArticle gold, Article article, IReadOnlyList<PlaceMention> mentions, IReadOnlyList<Place> gazetteer)
    {
        var byPlace = mentions.Where(m => !IsCityHalf(m.PlaceId, gazetteer)).GroupBy(m => m.PlaceId).ToDictionary(g => g.Key, g => g.Select(RangeOf).ToList());
        var assigned = new HashSet<string>();
        foreach (var name in gold.Neighbourhoods)
        {
            GoldPlaces++;
            var occurrences = TextRange.Find(article, name);
            if (occurrences.Count == 0)
            {
                Problems.Add($"gold place \"{name}\" is not in the text");
                continue;
            }
            var match = byPlace.FirstOrDefault(p => !assigned.Contains(p.Key) && p.Value.Any(r => occurrences.Any(r.MostlyOverlaps))).Key;
            if (match is null)
            {
                Problems.Add($"missed place \"{name}\" in: {TextRange.SentenceOf(article, occurrences[0])}");
                continue;
            }
            assigned.Add(match);
            FoundPlaces++;
        }
        var optional = gold.Optional.SelectMany(n => TextRange.Find(article, n)).ToList();
        foreach (var (id, ranges) in byPlace)
        {
            if (assigned.Contains(id)) { ExtractedPlaces++; continue; }
            if (ranges.Any(r => optional.Any(r.Overlaps))) { NeutralPlaces++; continue; }
            ExtractedPlaces++;
            var first = mentions.First(m => m.PlaceId == id);
            Problems.Add($"false place {id} (\"{first.MatchedText}\") in: {first.Sentence.Text}");
        }
    }

    void ScoreClaims(GoldArticle gold, Article article, ExtractedFacts facts, IReadOnlyList<Place> gazetteer)
    {
        var claims = facts.Claims;
        var used = new bool[claims.Count];
        var neutral = new bool[claims.Count];
        foreach (var g in gold.Claims.Where(c => c.Hypothetical))
        {
            var occurrences = TextRange.Find(article, g.Text);
            for (var i = 0; i < claims.Count; i++) neutral[i] |= occurrences.Any(RangeOf(claims[i]).Overlaps);
        }
        foreach (var g in gold.Claims.Where(c => !c.Hypothetical))
        {
            GoldClaims++;
            var occurrences = TextRange.Find(article, g.Text);
            if (occurrences.Count == 0)
            {
                Problems.Add($"gold claim text is not in the text: {g.Text}");
                continue;
            }
            var candidates = Enumerable.Range(0, claims.Count).Where(i => !used[i] && occurrences.Any(RangeOf(claims[i]).Overlaps)).ToList();
            if (candidates.Count == 0)
            {
                Problems.Add($"missed claim {Describe(g)} in: {g.Text}");
                continue;
            }
            var best = candidates.OrderByDescending(i => Agreement(g, claims[i], facts.Mentions, gazetteer)).First();
            used[best] = true;
            FoundClaims++;
            var c = claims[best];
            var value = Math.Abs(c.ValuePercent - g.ValuePercent) <= 0.5;
            var scope = ScopeAgrees(g, c, facts.Mentions, gazetteer);
            var kind = c.Kind.ToText() == g.Kind;
            RightValue += value ? 1 : 0;
            RightScope += scope ? 1 : 0;
            RightKind += kind ? 1 : 0;
            if (value && scope && kind) RightClaims++;
            else Problems.Add($"wrong claim: extracted {c.ValuePercent:0.#}% {c.Kind.ToText()} {c.Scope}, gold {Describe(g)} in: {g.Text}");
        }
        for (var i = 0; i < claims.Count; i++)
        {
            if (neutral[i] && !used[i]) { NeutralClaims++; continue; }
            ExtractedClaims++;
            if (!used[i]) Problems.Add($"false claim {claims[i].ValuePercent:0.#}% {claims[i].Kind.ToText()} {claims[i].Scope} (\"{claims[i].MatchedText}\") in: {claims[i].Sentence.Text}");
        }
    }

    static string Describe(GoldClaim g) => $"{g.ValuePercent:0.#}% {g.Kind} {g.Scope}";

    static int Agreement(GoldClaim g, ControlClaim c, IReadOnlyList<PlaceMention> mentions, IReadOnlyList<Place> gazetteer) =>
        (Math.Abs(c.ValuePercent - g.ValuePercent) <= 0.5 ? 4 : 0) + (ScopeAgrees(g, c, mentions, gazetteer) ? 2 : 0) + (c.Kind.ToText() == g.Kind ? 1 : 0);

    /// <summary>A gold "neighbourhood:&lt;name&gt;" agrees with "place:&lt;id&gt;" when that place's name or alias folds to the name, or a mention of the place is that name.</summary>
    static bool ScopeAgrees(GoldClaim g, ControlClaim c, IReadOnlyList<PlaceMention> mentions, IReadOnlyList<Place> gazetteer)
    {
        if (!g.Scope.StartsWith("neighbourhood:", StringComparison.Ordinal)) return g.Scope == c.Scope;
        if (ClaimScopes.PlaceIdOf(c.Scope) is not { } id) return false;
        var name = Key(g.Scope["neighbourhood:".Length..]);
        if (mentions.Any(m => m.PlaceId == id && Key(m.MatchedText) == name)) return true;
        return gazetteer.FirstOrDefault(p => p.Id == id) is { } place
            && place.Aliases.Split('|').Append(place.Name).Concat(place.AliasesAr.Split('|')).Append(place.NameAr ?? "").Any(n => Key(n) == name);
    }

    /// <summary>A name folded for comparison, without its article: Arabic by the Arabic normalisation, the rest as English names are.</summary>
    /// <summary>A place name compared as the extractor folds it: Arabic normalised, otherwise folded without a leading article.</summary>
    internal static string Key(string name)
    {
        if (ArabicNormalization.HasArabic(name))
        {
            var arabic = ArabicNormalization.Normalize(name).Trim();
            return arabic.StartsWith("ال", StringComparison.Ordinal) ? arabic[2..] : arabic;
        }
        var folded = TextFolding.FoldPhrase(name);
        return folded.StartsWith("al ", StringComparison.Ordinal) ? folded[3..] : folded;
    }
}
