using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// Finds gazetteer places written in a spelling the gazetteer does not list ("Sekkari", "Suqqari" for Sukkari; "Shekh
/// Maqsod" for Sheikh Maqsoud): capitalised words whose consonants (<see cref="NameSpelling.Key"/>) are those of a name or
/// alias and whose vowels are close (<see cref="NameSpelling.VowelDistance"/>). The article (al-, el-, Al, run into the word
/// as in "alSukkari") is skipped on both sides. Guards against false hits: only capitalised words, at least three
/// consonants in the name, no added ending (Khalid is not Khalidiya), vowels at most a half apart per word (a whole for a word of four consonants or more), words listed as not place names
/// (extraction-cues.csv, role <c>not-place-name</c>) never, and where two places fit equally well, neither.
/// Exact matches of the <see cref="PhraseIndex"/> come first: this only looks where they found nothing.
/// </summary>
public sealed class PlaceSpellingMatcher
{
    sealed record Entry(Place Place, string[] Normals, string[] Keys);

    const int MinKeyLetters = 3;

    readonly Dictionary<string, List<Entry>> byFirstKey = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<Entry>>.AlternateLookup<ReadOnlySpan<char>> lookup;
    readonly ExtractionVocabulary words;
    readonly int maxWords;

    public PlaceSpellingMatcher(IEnumerable<Place> gazetteer, ExtractionVocabulary vocabulary)
    {
        words = vocabulary;
        foreach (var place in gazetteer)
        {
            var names = place.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend(place.Name);
            foreach (var name in names)
            {
                var normals = NameWords(name).ToArray();
                if (normals.Length == 0) continue;
                var keys = normals.Select(NameSpelling.Key).ToArray();
                if (keys.Sum(k => k.Length) < MinKeyLetters) continue; // a first vowel counts: Aqyol (*kl)
                if (!byFirstKey.TryGetValue(keys[0], out var list)) byFirstKey[keys[0]] = list = [];
                if (list.Any(e => e.Place == place && e.Normals.SequenceEqual(normals))) continue;
                list.Add(new Entry(place, normals, keys));
                maxWords = Math.Max(maxWords, normals.Length);
            }
        }
        lookup = byFirstKey.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The normal spellings of a name's words, articles left out and title words (Shaikh, Sheik) in one form.</summary>
    IEnumerable<string> NameWords(string name)
    {
        foreach (var word in TextFolding.FoldPhrase(name).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word == "al") continue;
            yield return NameSpelling.Normalize(words.NameTitles.GetValueOrDefault(word, word));
        }
    }

    /// <summary>The index's exact hits plus the places found in other spellings where those hits are not, in text order.</summary>
    public List<PhraseHit<object>> AddVariants(string text, List<PhraseHit<object>> exact)
    {
        var textWords = NameWordScanner.Scan(text, words);
        List<PhraseHit<object>>? added = null;
        for (var i = 0; i < textWords.Count; i++)
        {
            var first = textWords[i];
            if (!first.Capitalised || Covered(exact, first.Start) || !lookup.TryGetValue(first.Key, out var entries)) continue;
            var (best, end, tie) = BestEntry(textWords, i, entries);
            if (best is null || tie) continue;
            var start = first.ArticleStart;
            var last = textWords[end - 1];
            if (Covered(exact, last.Start)) continue;
            added ??= [];
            added.Add(new PhraseHit<object>(start, last.End - start, best.Place));
            i = end - 1;
        }
        if (added is null) return exact;
        added.AddRange(exact);
        added.Sort((a, b) => a.Start.CompareTo(b.Start));
        return added;
    }

    (Entry? Best, int End, bool Tie) BestEntry(List<NameWordScanner.Word> textWords, int at, List<Entry> entries)
    {
        Entry? best = null;
        var bestEnd = 0;
        var bestDistance = double.MaxValue;
        var tie = false;
        foreach (var entry in entries)
        {
            if (at + entry.Keys.Length > textWords.Count) continue;
            var distance = 0.0;
            var fits = true;
            for (var w = 0; w < entry.Keys.Length && fits; w++)
            {
                var word = textWords[at + w];
                if (w > 0 && (!word.Capitalised || !word.FollowsClosely)) { fits = false; break; }
                var last = w == entry.Keys.Length - 1;
                var (key, normal) = word.Key == entry.Keys[w] || !last || !word.Key.EndsWith('s') ? (word.Key, word.Normal) : (word.Key[..^1], word.Normal[..^1]);
                if (key != entry.Keys[w] || !NameSpelling.SameEnding(normal, entry.Normals[w])) { fits = false; break; }
                distance += NameSpelling.VowelDistance(normal, entry.Normals[w]);
            }
            if (!fits) continue;
            if (entry.Keys.Length == 1 && IsOrdinaryWord(textWords[at].Folded)) continue;
            if (distance > AllowedDistance(entry)) continue;
            var end = at + entry.Keys.Length;
            if (end > bestEnd || end == bestEnd && distance < bestDistance)
            {
                tie = false;
                (best, bestEnd, bestDistance) = (entry, end, distance);
            }
            else if (end == bestEnd && distance == bestDistance && entry.Place != best!.Place)
            {
                tie = true;
            }
        }
        return (best, bestEnd, tie);
    }

    /// <summary>A half for each word, and a whole for a word of four consonants or more: the shorter the key, the more ordinary words share it.</summary>
    static double AllowedDistance(Entry entry) => entry.Keys.Sum(k => k.TrimStart('*').Length >= 4 ? 1.0 : 0.5);

    bool IsOrdinaryWord(string folded) =>
        words.NotPlaceNames.Contains(folded) || folded.EndsWith('s') && words.NotPlaceNames.Contains(folded[..^1]);

    static bool Covered(List<PhraseHit<object>> exact, int offset)
    {
        foreach (var hit in exact)
        {
            if (hit.Start <= offset && offset < hit.End) return true;
        }
        return false;
    }
}
