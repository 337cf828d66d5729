using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Data.Text;

namespace AleppoDashboard.Ingest.Extraction.Arabic;

/// <summary>
/// Place mentions, control claims, source attributions and framing terms of an Arabic article, by the same rules as
/// the English extractor where Arabic allows: the same place ids, the same claim fields (the government's share, the
/// rebels' as stated), the same sources and term groups. Holds no state between articles, so threads may share it.
/// </summary>
public sealed class ArabicFactExtractor
{
    const int SpeakerReach = 3;
    const int PlaceReach = 2;

    readonly ArabicPlaceMatcher places;
    readonly ArabicClaimExtractor claims;
    readonly ArabicSourceFinder sources;
    readonly ArabicPhraseTable<FramingTerm> terms;
    readonly ArabicWords words;

    public ArabicFactExtractor(IReadOnlyList<Place> gazetteer, IReadOnlyList<FramingTerm> lexicon, IReadOnlyList<SourcePattern> sourcePatterns, IReadOnlyList<ExtractionCue> arabicCues)
    {
        var cues = new ArabicCues(arabicCues);
        places = new ArabicPlaceMatcher(gazetteer, cues);
        claims = new ArabicClaimExtractor(cues);
        sources = new ArabicSourceFinder(sourcePatterns, cues);
        words = cues.Words;
        terms = new ArabicPhraseTable<FramingTerm>(words);
        foreach (var term in lexicon)
        {
            foreach (var variant in term.Variants.Split('|').Where(v => ArabicNormalization.HasArabic(v))) terms.Add(variant, term);
        }
    }

    public ExtractedFacts Extract(Article article)
    {
        var mentions = new List<PlaceMention>();
        var claimFacts = new List<ControlClaim>();
        var attributions = new List<SourceAttribution>();
        var termHits = new List<FramingTermHit>();
        var outletName = article.Outlet?.Name ?? "the outlet";
        (SourcePattern Source, int Sentence)? lastSpeaker = null;
        var recentPlaces = new List<(string Id, int Sentence)>(); // for "الحي"
        var tokens = new List<ArabicToken>(64); // each sentence's, read before the next is tokenized
        for (var s = 0; s < article.Sentences.Count; s++)
        {
            var sentence = article.Sentences[s];
            var text = sentence.Text;
            ArabicTokenizer.TokenizeInto(text, words, tokens);
            var placeHits = places.Find(text, tokens);
            foreach (var hit in placeHits)
            {
                mentions.Add(FactSpans.Span(new PlaceMention { PlaceId = hit.Place.Id, MatchedText = "" }, article, sentence, hit.Start, hit.End));
            }
            var sourceHits = sources.Find(text, tokens);
            foreach (var hit in sourceHits)
            {
                attributions.Add(FactSpans.Span(new SourceAttribution { Source = hit.Source.Name, SourceKind = hit.Source.Kind, MatchedText = "" }, article, sentence, hit.Start, hit.End));
            }
            var speaker = sourceHits.Count > 0 ? sourceHits[0].Source
                : lastSpeaker is { } last && s - last.Sentence <= SpeakerReach && sources.OpensWithSpeech(tokens) ? last.Source : null;
            foreach (var found in claims.Find(text, tokens, placeHits))
            {
                var claim = found;
                if (claim.PointsBack)
                {
                    var before = placeHits.Where(h => h.End <= claim.Start && !IsCityHalf(h.Place)).Select(h => (h.Place.Id, s));
                    var after = placeHits.FirstOrDefault(h => h.Start >= claim.End && !IsCityHalf(h.Place)).Place;
                    var id = TopicPlace(recentPlaces.Where(p => s - p.Sentence <= PlaceReach).Concat(before).ToList()) ?? after?.Id;
                    claim = claim with { Scope = id is null ? ClaimScopes.East : ClaimScopes.Place(id) };
                }
                var fact = FactSpans.Span(new ControlClaim { Scope = "", AttributedTo = "", MatchedText = "" }, article, sentence, claim.Start, claim.End);
                ClaimCredit.Apply(fact, claim, speaker, outletName);
                claimFacts.Add(fact);
            }
            recentPlaces.AddRange(placeHits.Where(h => !IsCityHalf(h.Place)).Select(h => (h.Place.Id, s)));
            if (sourceHits.Count > 0) lastSpeaker = (sourceHits[0].Source, s);
            foreach (var m in terms.FindAll(tokens))
            {
                var start = ArabicSpans.SkipLetters(text, tokens[m.First], m.Strip);
                termHits.Add(FactSpans.Span(new FramingTermHit { TermId = m.Value.Id, MatchedText = "" }, article, sentence, start, tokens[m.End - 1].End));
            }
        }
        return new ExtractedFacts(mentions, claimFacts, attributions, termHits);
    }

    /// <summary>
    /// The place "الحي" means: the one named most often in this sentence before it and the two before, the latest of
    /// equals. An Arabic report names its subject district again and again and its neighbours in passing
    /// ("... والكليات الحربية بحي الراموسة. ... استعادة نصف الحي" is still the district the report is about).
    /// </summary>
    static string? TopicPlace(List<(string Id, int Sentence)> named)
    {
        if (named.Count == 0) return null;
        var lastIndex = named.Select((p, i) => (p.Id, i)).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => (Count: g.Count(), Last: g.Max(x => x.i)));
        return lastIndex.OrderByDescending(p => p.Value.Count).ThenByDescending(p => p.Value.Last).First().Key;
    }

    static bool IsCityHalf(Place place) => place.Kind == "city-part" && place.Sector is "east" or "west";

}
