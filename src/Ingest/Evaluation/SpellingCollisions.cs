using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Extraction;

namespace AleppoDashboard.Ingest.Evaluation;

/// <summary>
/// Lists the words of a word list (such as /usr/share/dict/words) that the spelling-tolerant place matching would read
/// as a gazetteer place: after adding places or aliases, add the ordinary words among them to extraction-cues.csv
/// under <c>not-place-name</c>. Words spelled like a listed name or alias are left out: those are the place.
/// </summary>
public static class SpellingCollisions
{
    public static async Task<int> RunAsync(string wordList, ReferenceFiles reference, TextWriter output, TextWriter errors)
    {
        if (!File.Exists(wordList))
        {
            await errors.WriteLineAsync($"error: the word list '{wordList}' does not exist.");
            return 1;
        }
        var gazetteer = reference.ReadGazetteer();
        var matcher = new PlaceSpellingMatcher(gazetteer, new ExtractionVocabulary(reference.ReadCues()));
        var listed = gazetteer.SelectMany(p => p.Aliases.Split('|').Append(p.Name)).Select(ArticleScore.Key).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in await File.ReadAllLinesAsync(wordList))
        {
            var word = line.Trim();
            if (word.Length < 2 || word.Contains('\'') || !seen.Add(word) || listed.Contains(ArticleScore.Key(word))) continue;
            var capitalised = char.ToUpperInvariant(word[0]) + word[1..];
            foreach (var hit in matcher.AddVariants(capitalised, []))
            {
                await output.WriteLineAsync($"{word.ToLowerInvariant()}\t{((Place)hit.Value).Id}");
            }
        }
        return 0;
    }

}
