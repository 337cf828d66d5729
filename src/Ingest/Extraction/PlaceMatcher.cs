using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// Finds gazetteer places in a sentence in one pass over its folded text: every name and alias, with or
/// without the article (al-/el-/ash-...), spelling folded as in <see cref="TextFolding"/>, whole words,
/// longest first, plural or possessive allowed; then drops hits whose context says they are not the
/// Aleppo place (<see cref="PlaceContextFilter"/>).
/// </summary>
public sealed class PlaceMatcher
{
    readonly PhraseMatcher<Place> matcher;
    readonly PlaceContextFilter context;
    readonly ExtractionVocabulary words;

    public PlaceMatcher(IEnumerable<Place> gazetteer, ExtractionVocabulary vocabulary)
    {
        var trie = new PhraseTrie<Place>();
        var places = gazetteer.ToList();
        // Canonical names first, then aliases, so a spelling shared by two rows goes to the row that names it.
        foreach (var place in places) AddVariants(trie, place.Name, place);
        foreach (var place in places)
        {
            foreach (var alias in place.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                AddVariants(trie, alias, place);
            }
        }
        matcher = new PhraseMatcher<Place>(trie, allowPluralOrPossessive: true);
        context = new PlaceContextFilter(vocabulary);
        words = vocabulary;
    }

    static void AddVariants(PhraseTrie<Place> trie, string name, Place place)
    {
        var folded = TextFolding.FoldPhrase(name);
        trie.Add(folded, place);
        if (folded.StartsWith("al ", StringComparison.Ordinal))
        {
            trie.Add(folded[3..], place);
        }
        else
        {
            trie.Add("al " + folded, place);
        }
    }

    /// <summary>The sentence names another city and neither Aleppo nor any Aleppo place with a distinctive name.</summary>
    bool IsAboutAnotherCity(IReadOnlyList<Token> tokens, List<PhraseHit<Place>> hits)
    {
        if (hits.Any(h => !words.GenericPlaces.Contains(h.Value.Id))) return false;
        var otherCity = false;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].Text is "aleppo" or "halab") return false;
            if (words.OtherCities.At(tokens, k).Length > 0) otherCity = true;
        }
        return otherCity;
    }

    public List<PhraseHit<Place>> Find(FoldedText sentence, IReadOnlyList<Token> tokens, bool isHeadline)
    {
        var hits = matcher.Find(sentence);
        if (hits.Count == 0) return hits;
        var titleCase = isHeadline && PlaceContextFilter.IsTitleCase(sentence.Original, tokens);
        hits.RemoveAll(h => !context.Accepts(sentence.Original, tokens, h, titleCase));
        if (hits.Any(h => words.GenericPlaces.Contains(h.Value.Id)) && IsAboutAnotherCity(tokens, hits))
        {
            hits.RemoveAll(h => words.GenericPlaces.Contains(h.Value.Id)); // "In Mosul, ... the Old City"
        }
        return hits;
    }
}
