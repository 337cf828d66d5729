using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// Gazetteer places in a sentence: puts every name and alias, with and without the article (al-/el-/ash-...),
/// into the shared <see cref="PhraseIndex"/> (spelling folded as in <see cref="TextFolding"/>; whole words,
/// longest first, plural or possessive allowed), then drops the index's hits whose context says they are not
/// the Aleppo place (<see cref="PlaceContextFilter"/>).
/// </summary>
public sealed class PlaceMatcher
{
    readonly PlaceContextFilter context;
    readonly ExtractionVocabulary words;

    /// <summary>The kind of the place names in the shared index.</summary>
    public int Kind { get; }

    public PlaceMatcher(IEnumerable<Place> gazetteer, ExtractionVocabulary vocabulary, PhraseIndex index)
    {
        Kind = index.AddKind(pluralOrPossessive: true);
        var places = gazetteer.ToList();
        // Canonical names first, then aliases, so a spelling shared by two rows goes to the row that names it.
        foreach (var place in places) AddVariants(index, place.Name, place);
        foreach (var place in places)
        {
            foreach (var alias in place.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                AddVariants(index, alias, place);
            }
        }
        context = new PlaceContextFilter(vocabulary);
        words = vocabulary;
    }

    void AddVariants(PhraseIndex index, string name, Place place)
    {
        var folded = TextFolding.FoldPhrase(name);
        index.Add(Kind, folded, place);
        index.Add(Kind, folded.StartsWith("al ", StringComparison.Ordinal) ? folded[3..] : "al " + folded, place);
    }

    /// <summary>The sentence names another city and neither Aleppo nor any Aleppo place with a distinctive name.</summary>
    bool IsAboutAnotherCity(List<Token> tokens, List<PhraseHit<Place>> hits)
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

    /// <summary>The places among the index's hits of <see cref="Kind"/> in a sentence, after the context checks.</summary>
    public List<PhraseHit<Place>> Accept(string sentence, List<PhraseHit<object>> found, List<Token> tokens, bool isHeadline)
    {
        // loops rather than LINQ and lambdas: this runs for every sentence
        var hits = new List<PhraseHit<Place>>(found.Count);
        if (found.Count == 0) return hits;
        var titleCase = isHeadline && PlaceContextFilter.IsTitleCase(sentence, tokens);
        var generic = false;
        foreach (var h in found)
        {
            var hit = new PhraseHit<Place>(h.Start, h.Length, (Place)h.Value);
            if (!context.Accepts(sentence, tokens, hit, titleCase)) continue;
            hits.Add(hit);
            generic |= words.GenericPlaces.Contains(hit.Value.Id);
        }
        if (generic && IsAboutAnotherCity(tokens, hits))
        {
            hits.RemoveAll(h => words.GenericPlaces.Contains(h.Value.Id)); // "In Mosul, ... the Old City"
        }
        return hits;
    }
}
