using AleppoDashboard.Data.Facts;
using System.Globalization;
using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>The rows of Reference/extraction-cues.csv, compiled into token phrase sets by role.</summary>
public sealed class ExtractionVocabulary
{
    public TokenPhrases<ClaimHedge> Hedges { get; } = new();
    public TokenPhrases<string> PercentWords { get; } = new();
    public TokenPhrases<double?> Fractions { get; } = new();
    /// <summary>
    /// Every number, fraction, percent and unit word as written in the cues file, with its role: a sentence has no claim
    /// unless it has a fraction, or a number (word or digits) with a percent or unit word.
    /// </summary>
    public List<(string Phrase, string Role)> QuantityWords { get; } = [];
    public Dictionary<string, int> NumberWords { get; } = new(StringComparer.Ordinal);
    public TokenPhrases<string> Units { get; } = new();
    public TokenPhrases<string> Determiners { get; } = new();
    public TokenPhrases<string> Territory { get; } = new();
    public TokenPhrases<string> Scopes { get; } = new();
    public TokenPhrases<string> Actors { get; } = new();
    public TokenPhrases<string> Verbs { get; } = new();
    public TokenPhrases<string> Holders { get; } = new();
    public TokenPhrases<string> Speech { get; } = new();
    public TokenPhrases<string> Relays { get; } = new();
    public TokenPhrases<string> PronounSpeech { get; } = new();
    public TokenPhrases<string> PlaceNotBefore { get; } = new();
    public TokenPhrases<string> PlaceNotAfter { get; } = new();
    public HashSet<string> PlaceOwners { get; } = new(StringComparer.Ordinal);
    public HashSet<string> CapitalOk { get; } = new(StringComparer.Ordinal);
    public TokenPhrases<string> OtherCities { get; } = new();
    /// <summary>Words after which a one-word place name followed by "said" is still the place ("residents of Sukkari said").</summary>
    public HashSet<string> PlacePrepositions { get; } = new(StringComparer.Ordinal);
    /// <summary>Ids of places whose names are common elsewhere (Old City, Citadel, Midan): dropped in a sentence about another city.</summary>
    public HashSet<string> GenericPlaces { get; } = new(StringComparer.Ordinal);
    /// <summary>Spellings of title words in place names (shaikh, sheik, shekh) mapped to one (sheikh), folded.</summary>
    public Dictionary<string, string> NameTitles { get; } = new(StringComparer.Ordinal);
    /// <summary>Ordinary words that a place name's spelling key could match (Secure for Sukkari): never a place by spelling alone.</summary>
    public HashSet<string> NotPlaceNames { get; } = new(StringComparer.Ordinal);

    public ExtractionVocabulary(IEnumerable<ExtractionCue> cues)
    {
        foreach (var cue in cues)
        {
            foreach (var phrase in cue.Phrases)
            {
                Add(cue, phrase);
            }
        }
    }

    void Add(ExtractionCue cue, string phrase)
    {
        switch (cue.Role)
        {
            case "hedge": Hedges.Add(phrase, ClaimHedges.TryParse(cue.Value) ?? throw new ReferenceDataException($"{ReferenceFiles.CuesFile}: '{cue.Value}' is not a hedge (over, about, nearly, at least, under).")); break;
            case "percent": PercentWords.Add(phrase, cue.Value); QuantityWords.Add((phrase, cue.Role)); break;
            case "fraction": Fractions.Add(phrase, Parse(cue)); QuantityWords.Add((phrase, cue.Role)); break;
            case "number": NumberWords[TextFolding.FoldPhrase(phrase)] = (int)Parse(cue); QuantityWords.Add((phrase, cue.Role)); break;
            case "unit": Units.Add(phrase, cue.Value); QuantityWords.Add((phrase, cue.Role)); break;
            case "determiner": Determiners.Add(phrase, cue.Value); break;
            case "territory": Territory.Add(phrase, cue.Value); break;
            case "scope": Scopes.Add(phrase, cue.Value); break;
            case "actor": Actors.Add(phrase, cue.Value); break;
            case "verb": Verbs.Add(phrase, cue.Value); break;
            case "holder": Holders.Add(phrase, cue.Value); break;
            case "speech": Speech.Add(phrase, cue.Value); break;
            case "relay": Relays.Add(phrase, cue.Value); break;
            case "pronoun-speech": PronounSpeech.Add(phrase, cue.Value); break;
            case "place-not-before": PlaceNotBefore.Add(phrase, cue.Value); break;
            case "place-not-after": PlaceNotAfter.Add(phrase, cue.Value); break;
            case "place-owner": PlaceOwners.Add(TextFolding.FoldPhrase(phrase)); break;
            case "capital-ok": CapitalOk.Add(TextFolding.FoldPhrase(phrase)); break;
            case "other-city": OtherCities.Add(phrase, cue.Value); break;
            case "place-preposition": PlacePrepositions.Add(TextFolding.FoldPhrase(phrase)); break;
            case "place-generic": GenericPlaces.Add(phrase.Trim()); break;
            case "name-title": NameTitles[TextFolding.FoldPhrase(phrase)] = TextFolding.FoldPhrase(cue.Value); break;
            case "not-place-name": NotPlaceNames.Add(TextFolding.FoldPhrase(phrase)); break;
            default: throw new ReferenceDataException($"{ReferenceFiles.CuesFile}: unknown role '{cue.Role}'.");
        }
    }

    static double Parse(ExtractionCue cue) =>
        double.TryParse(cue.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new ReferenceDataException($"{ReferenceFiles.CuesFile}: role '{cue.Role}' needs a number as value, not '{cue.Value}'.");
}
