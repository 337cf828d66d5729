using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Extraction.Arabic;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// Pulls place mentions, control claims, source attributions and framing terms out of an article's
/// sentences. Each fact's span is an offset into its sentence's text. Several threads may extract at once: the phrase
/// tables are only read after construction, and the scratch (folded words, fold buffers, the token list) is per thread.
/// </summary>
public sealed class FactExtractor
{
    /// <summary>How many sentences back a "he said" may reach for its speaker.</summary>
    const int SpeakerReach = 3;

    /// <summary>How many sentences back "this district" may reach for the place it means.</summary>
    const int PlaceReach = 2;

    readonly PhraseIndex index = new();
    readonly PlaceMatcher places;
    readonly PlaceSpellingMatcher spellings;
    readonly ClaimExtractor claims;
    readonly SourceAttributionFinder sources;
    readonly FramingTermCounter terms;
    readonly int quantityKind;
    readonly ArabicFactExtractor arabic;

    /// <param name="arabicCues">The Arabic cue words; null reads those shipped beside the program.</param>
    public FactExtractor(IReadOnlyList<Place> gazetteer, IReadOnlyList<FramingTerm> lexicon, IReadOnlyList<SourcePattern> sourcePatterns, IReadOnlyList<ExtractionCue> cues,
        IReadOnlyList<ExtractionCue>? arabicCues = null)
    {
        Gazetteer = gazetteer;
        Lexicon = lexicon;
        var vocabulary = new ExtractionVocabulary(cues);
        places = new PlaceMatcher(gazetteer, vocabulary, index);
        spellings = new PlaceSpellingMatcher(gazetteer, vocabulary);
        sources = new SourceAttributionFinder(sourcePatterns, vocabulary, index);
        terms = new FramingTermCounter(lexicon, index);
        quantityKind = index.AddKind(pluralOrPossessive: false);
        foreach (var (word, role) in vocabulary.QuantityWords) index.Add(quantityKind, word, role);
        claims = new ClaimExtractor(vocabulary);
        arabic = new ArabicFactExtractor(gazetteer, lexicon, sourcePatterns, arabicCues ?? Shipped.ReadArabicCues());
    }

    /// <summary>An extractor with the source list and cue words of the reference files shipped beside the program.</summary>
    public FactExtractor(IReadOnlyList<Place> gazetteer, IReadOnlyList<FramingTerm> lexicon)
        : this(gazetteer, lexicon, Shipped.ReadSources(), Shipped.ReadCues(), Shipped.ReadArabicCues())
    {
    }

    static readonly List<Token> NoTokens = [];
    static readonly List<ClaimCandidate> NoClaims = []; // only read: a sentence that cannot claim

    static ReferenceFiles Shipped => new(ReferenceFiles.DefaultFolder);

    public IReadOnlyList<Place> Gazetteer { get; }
    public IReadOnlyList<FramingTerm> Lexicon { get; }

    /// <summary>
    /// Facts for <paramref name="article"/>, whose <see cref="Article.Sentences"/> are set; facts point at those sentence
    /// objects. An article whose <see cref="Article.Language"/> is Arabic goes to the <see cref="ArabicFactExtractor"/>.
    /// </summary>
    public ExtractedFacts Extract(Article article)
    {
        if (IsArabic(article.Language)) return arabic.Extract(article);
        var mentions = new List<PlaceMention>();
        var claimFacts = new List<ControlClaim>();
        var attributions = new List<SourceAttribution>();
        var termHits = new List<FramingTermHit>();
        var outletName = article.Outlet?.Name ?? "the outlet";
        (SourcePattern Source, int Sentence)? lastSpeaker = null;
        (string Id, int Sentence)? lastPlace = null; // for "this district", "the neighbourhood"
        var speakers = new SourcePattern?[article.Sentences.Count];
        var quoted = new List<(ControlClaim Fact, ClaimCandidate Claim, int Sentence)>(); // claims inside a quote whose speaker is named after it
        for (var s = 0; s < article.Sentences.Count; s++)
        {
            var sentence = article.Sentences[s];
            var text = sentence.Text;
            var found = index.FindWithThreadLists(TextFolding.FoldWithThreadBuffers(text));
            var mayClaim = ClaimCredit.MayClaim(text, found[quantityKind]);
            var placeFound = spellings.AddVariants(text, found[places.Kind]);
            var tokens = mayClaim || placeFound.Count > 0 || found[sources.Kind].Count > 0 ? Tokenizer.TokenizeWithThreadList(text) : NoTokens;

            var placeHits = places.Accept(text, placeFound, tokens, sentence.Part == TextPart.Headline);
            foreach (var hit in placeHits)
            {
                mentions.Add(FactSpans.Span(new PlaceMention { PlaceId = hit.Value.Id, MatchedText = "" }, article, sentence, hit.Start, hit.End));
            }

            var sourceHits = sources.Accept(found[sources.Kind], tokens);
            foreach (var hit in sourceHits)
            {
                attributions.Add(FactSpans.Span(new SourceAttribution { Source = hit.Source.Name, SourceKind = hit.Source.Kind, MatchedText = "" }, article, sentence, hit.Start, hit.End));
            }
            var speaker = SourceAttributionFinder.Speaker(sourceHits)?.Source;
            speakers[s] = speaker;

            var claimed = mayClaim ? claims.Find(text, tokens, placeHits, article.Published?.Year) : NoClaims;
            for (var c = 0; c < claimed.Count; c++)
            {
                if (!claimed[c].PointsBack) continue;
                var (before, after) = PlacesAround(placeHits, claimed[c].Start, claimed[c].End);
                // the place named last before it, in this sentence or the two before; else the one named next in this sentence
                var place = before?.Id ?? (lastPlace is { } p && s - p.Sentence <= PlaceReach ? p.Id : null) ?? after?.Id;
                if (place is not null) claimed[c] = claimed[c] with { Scope = ClaimScopes.Place(place) };
            }
            if (placeHits.LastOrDefault(h => h.Value.Kind != "city-part").Value is { } named) lastPlace = (named.Id, s);
            if (claimed.Count > 0)
            {
                var pronoun = speaker is null && sources.HasPronounSpeech(tokens);
                var credited = speaker
                    ?? (lastSpeaker is { } last && s - last.Sentence <= SpeakerReach && pronoun ? last.Source : null);
                var openQuote = speaker is null && !pronoun && ClaimCredit.OpensQuote(text);
                foreach (var claim in claimed)
                {
                    var fact = FactSpans.Span(new ControlClaim { Scope = "", AttributedTo = "", MatchedText = "" }, article, sentence, claim.Start, claim.End);
                    ClaimCredit.Apply(fact, claim, credited, outletName);
                    claimFacts.Add(fact);
                    if (openQuote) quoted.Add((fact, claim, s));
                }
            }
            if (speaker is not null) lastSpeaker = (speaker, s);

            foreach (var hit in found[terms.Kind])
            {
                var term = (FramingTerm)hit.Value;
                termHits.Add(FactSpans.Span(new FramingTermHit { TermId = term.Id, MatchedText = "" }, article, sentence, hit.Start, hit.End));
            }
        }
        // "We have taken 90 percent of east Aleppo. The rest will follow," a military source said.
        foreach (var (fact, claim, at) in quoted)
        {
            for (var next = at + 1; next < speakers.Length && next <= at + 2; next++)
            {
                if (speakers[next] is { } later)
                {
                    ClaimCredit.Apply(fact, claim, later, outletName);
                    break;
                }
            }
        }
        return new ExtractedFacts(mentions, claimFacts, attributions, termHits);
    }

    /// <summary>
    /// The last place (not a city part) named before <paramref name="start"/> and the first named after
    /// <paramref name="end"/>. A loop rather than two lambdas: those captured the sentence's claims, a closure allocated
    /// for every sentence of the corpus.
    /// </summary>
    static (Place? Before, Place? After) PlacesAround(List<PhraseHit<Place>> placeHits, int start, int end)
    {
        Place? before = null, after = null;
        foreach (var h in placeHits)
        {
            if (h.Value.Kind == "city-part") continue;
            if (h.End <= start) before = h.Value;
            if (after is null && h.Start >= end) after = h.Value;
        }
        return (before, after);
    }

    /// <summary>Whether a language tag ("ar", "ar-SY") is Arabic, which the Arabic extractor reads.</summary>
    public static bool IsArabic(string? language)
    {
        var tag = language.AsSpan().Trim();
        return tag.StartsWith("ar", StringComparison.OrdinalIgnoreCase) && (tag.Length == 2 || tag[2] is '-' or '_');
    }

}
