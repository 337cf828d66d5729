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
    readonly ExtractionVocabulary words;
    readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> titles;
    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ordinary;
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
        titles = words.NameTitles.GetAlternateLookup<ReadOnlySpan<char>>();
        ordinary = words.NotPlaceNames.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The normal spellings of a name's words, articles left out and title words (Shaikh, Sheik) in one form.</summary>
    IEnumerable<string> NameWords(string name)
    {
        var parts = TextFolding.FoldPhrase(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 0 && parts[0] is "the" or "a" or "an") yield break; // "the Citadel": English, matched exactly only
        foreach (var word in parts)
        {
            if (word == "al") continue;
            yield return NameSpelling.Normalize(words.NameTitles.GetValueOrDefault(word, word));
        }
    }

    /// <summary>The index's exact hits plus the places found in other spellings where those hits are not, in text order.</summary>
    public List<PhraseHit<object>> AddVariants(string text, List<PhraseHit<object>> exact)
    {
        var textWords = NameWordScanner.Scan(text);
        List<PhraseHit<object>>? added = null;
        var cache = Cache();
        for (var i = 0; i < textWords.Count; i++)
        {
            var first = textWords[i];
            if (Covered(exact, first.Start) || first.End - first.Start > MaxWordLength) continue;
            var spelling = SpellingOf(text, first, cache);
            if (spelling.Entries is null) continue;
            var (best, end, tie) = BestEntry(text, textWords, i, spelling, cache);
            if (best is null || tie) continue;
            var last = textWords[end - 1];
            if (Covered(exact, last.Start)) continue;
            added ??= [];
            added.Add(new PhraseHit<object>(first.ArticleStart, last.End - first.ArticleStart, best.Place));
            i = end - 1;
        }
        if (added is null) return exact;
        added.AddRange(exact);
        added.Sort((a, b) => a.Start.CompareTo(b.Start));
        return added;
    }

    const int MaxWordLength = 40;

    /// <summary>A capitalised word's spellings and the names whose first word has its key; null when none has (most words).</summary>
    sealed record WordSpelling(string Folded, string Normal, string Key, List<Entry>? Entries)
    {
        /// <summary>Whether the word is an ordinary word (not-place-name), worked out once a word.</summary>
        public bool? Ordinary { get; set; }
    }

    const int MaxCachedWords = 20_000;

    [ThreadStatic] static Dictionary<string, WordSpelling>? wordCache;
    [ThreadStatic] static PlaceSpellingMatcher? wordCacheOwner;

    /// <summary>
    /// This thread's spellings of words seen before, by their text: capitalised words repeat (Aleppo, Syrian, The), and a
    /// word is spelled and looked up once. The cache belongs to one matcher (one gazetteer) and is bounded.
    /// </summary>
    Dictionary<string, WordSpelling>.AlternateLookup<ReadOnlySpan<char>> Cache()
    {
        if (wordCache is null || !ReferenceEquals(wordCacheOwner, this))
        {
            wordCache = new Dictionary<string, WordSpelling>(StringComparer.Ordinal);
            wordCacheOwner = this;
        }
        return wordCache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A word's spellings, from this thread's cache or spelled now.</summary>
    WordSpelling SpellingOf(string text, NameWordScanner.Word word, Dictionary<string, WordSpelling>.AlternateLookup<ReadOnlySpan<char>> cache)
    {
        var span = text.AsSpan(word.Start, word.End - word.Start);
        if (cache.TryGetValue(span, out var spelling)) return spelling;
        var (folded, normal, key) = Spelled(text, word);
        spelling = new WordSpelling(folded, normal, key, byFirstKey.GetValueOrDefault(key));
        if (cache.Dictionary.Count >= MaxCachedWords) cache.Dictionary.Clear();
        cache[span] = spelling;
        return spelling;
    }

    /// <summary>A text word's folded, normal and key spellings.</summary>
    (string Folded, string Normal, string Key) Spelled(string text, NameWordScanner.Word word)
    {
        if (word.End - word.Start > MaxWordLength) return ("", "", "");
        Span<char> folded = stackalloc char[MaxWordLength];
        Span<char> normal = stackalloc char[MaxWordLength];
        ReadOnlySpan<char> f = folded[..TextFolding.FoldInto(text.AsSpan(word.Start, word.End - word.Start), folded)];
        var plain = f.ToString();
        if (titles.TryGetValue(f, out var title)) f = title;
        var n = NameSpelling.NormalizeInto(f, normal);
        var spelled = normal[..n].ToString();
        return (plain, spelled, NameSpelling.Key(spelled));
    }

    /// <summary>The entry that fits best at word <paramref name="at"/>; tie when two places fit equally well.</summary>
    (Entry? Best, int End, bool Tie) BestEntry(string text, List<NameWordScanner.Word> textWords, int at, WordSpelling firstWord,
        Dictionary<string, WordSpelling>.AlternateLookup<ReadOnlySpan<char>> cache)
    {
        Entry? best = null;
        var bestEnd = 0;
        var bestDistance = double.MaxValue;
        var tie = false;
        // How many capitalised words follow this one closely: a longer name cannot fit ("Aleppo" then a small word)
        var closeRun = 0;
        while (at + closeRun + 1 < textWords.Count && closeRun + 1 < maxWords && textWords[at + closeRun + 1].FollowsClosely) closeRun++;
        foreach (var entry in firstWord.Entries!)
        {
            var count = entry.Keys.Length;
            if (count - 1 > closeRun || count == 1 && (firstWord.Ordinary ??= IsOrdinaryWord(firstWord.Folded))) continue;
            // The keys first (cheap), the vowels only for a name whose every word has the right consonants
            var fits = true;
            for (var w = 1; w < count && fits; w++)
            {
                var word = textWords[at + w];
                fits = KeyFits(SpellingOf(text, word, cache).Key, entry.Keys[w], w == count - 1);
            }
            if (!fits) continue;
            var distance = 0.0;
            for (var w = 0; w < count && fits; w++)
            {
                var spelling = w == 0 ? firstWord : SpellingOf(text, textWords[at + w], cache);
                var normal = spelling.Key == entry.Keys[w] ? spelling.Normal : spelling.Normal[..^1]; // without a plural s
                fits = NameSpelling.SameEnding(normal, entry.Normals[w]);
                distance += NameSpelling.VowelDistance(normal, entry.Normals[w]);
            }
            if (!fits || distance > AllowedDistance(entry)) continue;
            var end = at + count;
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

    /// <summary>The word's key is the name word's, or on the name's last word, the name's with a plural s ("Housings").</summary>
    static bool KeyFits(string key, string nameKey, bool last) =>
        key == nameKey || last && key.Length == nameKey.Length + 1 && key[^1] == 's' && key.StartsWith(nameKey, StringComparison.Ordinal);

    /// <summary>A half for each word, and a whole for a word of four consonants or more: the shorter the key, the more ordinary words share it.</summary>
    static double AllowedDistance(Entry entry) => entry.Keys.Sum(k => k.TrimStart('*').Length >= 4 ? 1.0 : 0.5);

    bool IsOrdinaryWord(ReadOnlySpan<char> folded) =>
        ordinary.Contains(folded) || folded.Length > 1 && folded[^1] == 's' && ordinary.Contains(folded[..^1]);

    static bool Covered(List<PhraseHit<object>> exact, int offset)
    {
        foreach (var hit in exact)
        {
            if (hit.Start <= offset && offset < hit.End) return true;
        }
        return false;
    }
}
