using System.Globalization;

namespace AleppoDashboard.Ingest.Text;

/// <summary>
/// Guesses an article's language from its text, for files that do not state one and to check those that do. Two
/// steps: the script most of its letters are written in (Arabic, Cyrillic, Hebrew, Greek, Han, kana, Hangul); for Latin
/// script, which of a few languages' commonest short words make up most of its words. Only what the ingest needs:
/// whether an article is English (the extractor reads English only), and a fair name for the language when it is not.
/// Returns null for a text too short to tell.
/// </summary>
public static class LanguageGuess
{
    /// <summary>Fewer words than this: no guess.</summary>
    const int MinWords = 12;

    // The most frequent function words of each language: short, closed lists that rarely cross languages.
    static readonly (string Tag, HashSet<string> Words)[] Latin =
    [
        ("en", Set("the of and to in is that for on with was as by at from it he his are were has have be said not which this an")),
        ("fr", Set("le la les des et est une du que qui dans pour pas au sur ce il elle sont avec par ont été aux ses")),
        ("de", Set("der die und das ist nicht den mit von zu ein eine sich auf dem des im auch wird sind wurde nach bei")),
        ("es", Set("el la los las y que del por una con para se es al lo como más pero sus fue son ha este entre")),
        ("it", Set("il la che di e per una sono del della non con si le gli dei nel alla è ha anche più ma come")),
        ("pt", Set("o a os as que do da em um uma para com não se dos das no na por mais foi ao ele são")),
        ("nl", Set("de het een van en is dat op te in zijn met voor niet aan er die ook door wordt werd bij")),
        ("tr", Set("ve bir bu da de için ile olarak olan gibi daha çok en ama ne kadar sonra şu her")),
    ];

    /// <summary>Every tag <see cref="Guess"/> can return (the filter's <c>lang</c> accepts each: FilterParser.LanguageCodes).</summary>
    public static IEnumerable<string> Tags => Latin.Select(l => l.Tag).Concat(["ar", "fa", "ru", "he", "el", "ja", "ko", "zh"]);

    /// <summary>The guess reads at most this many characters from the start of the text.</summary>
    const int SampleLength = 20_000;

    public static string? Guess(string text) => GuessSample(text.Length > SampleLength ? text.AsSpan(0, SampleLength) : text.AsSpan());

    /// <summary>
    /// The guess for <c>headline + "\n" + body</c> (an article), read from a pooled buffer instead of a joined copy of
    /// the whole article.
    /// </summary>
    public static string? Guess(string headline, string body)
    {
        var length = Math.Min(headline.Length + 1 + body.Length, SampleLength);
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(length);
        try
        {
            var sample = buffer.AsSpan(0, length);
            var head = Math.Min(headline.Length, length);
            headline.AsSpan(0, head).CopyTo(sample);
            if (head < length) sample[head] = '\n';
            if (head + 1 < length) body.AsSpan(0, length - head - 1).CopyTo(sample[(head + 1)..]);
            return GuessSample(sample);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    static string? GuessSample(ReadOnlySpan<char> sample)
    {
        // One pass with a count per script (the ingest guesses every article: no dictionary or string per letter).
        // Ties between scripts go to the one seen first, as they did when the counts were kept in a dictionary.
        Span<int> counts = stackalloc int[Scripts.Length];
        Span<int> firstSeen = stackalloc int[Scripts.Length];
        firstSeen.Fill(int.MaxValue);
        var letters = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            var c = sample[i];
            if (!char.IsLetter(c)) continue;
            var script = (int)ScriptOf(c);
            if (counts[script]++ == 0) firstSeen[script] = letters;
            letters++;
        }
        if (letters < 40) return null;
        var main = 0;
        for (var s = 1; s < counts.Length; s++)
        {
            if (counts[s] > counts[main] || counts[s] == counts[main] && firstSeen[s] < firstSeen[main]) main = s;
        }
        if (counts[main] < letters / 2) return null;
        return (Script)main switch
        {
            Script.Arab => CountPersianLetters(sample) > letters / 200 ? "fa" : "ar",
            Script.Cyrl => "ru",
            Script.Hebr => "he",
            Script.Grek => "el",
            Script.Kana => "ja",
            Script.Hang => "ko",
            Script.Hani => counts[(int)Script.Kana] > letters / 20 ? "ja" : "zh",
            Script.Latn => LatinLanguage(sample),
            _ => null,
        };
    }

    static int CountPersianLetters(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (c is 'پ' or 'چ' or 'ژ' or 'گ') n++;
        }
        return n;
    }

    /// <summary>
    /// The Latin-script language whose function words are most of the text's words; English unless another clearly leads.
    /// A word is a run between white space, lower-cased, with the punctuation in <see cref="WordTrim"/> cut off its ends.
    /// </summary>
    static string? LatinLanguage(ReadOnlySpan<char> text)
    {
        Span<int> hits = stackalloc int[Latin.Length];
        Span<char> lower = stackalloc char[LongestFunctionWord];
        var words = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            var word = text[start..i].Trim(WordTrim);
            if (word.IsEmpty) continue;
            words++;
            // Lower-casing keeps the length, so a longer word is in no list.
            if (word.Length > LongestFunctionWord) continue;
            var folded = lower[..word.Length];
            word.ToLowerInvariant(folded);
            if (!FunctionWords.TryGetValue(folded, out var languages)) continue;
            for (var l = 0; l < Latin.Length; l++)
            {
                if ((languages & (1 << l)) != 0) hits[l]++;
            }
        }
        if (words < MinWords) return null;
        // The most hits; on a tie the language listed first (English first).
        var best = 0;
        for (var l = 1; l < Latin.Length; l++)
        {
            if (hits[l] > hits[best]) best = l;
        }
        return hits[best] < words / 20 ? null : Latin[best].Tag;
    }

    const string WordTrim = ".,;:!?\"'()“”‘’«»";

    static readonly int LongestFunctionWord = Latin.Max(l => l.Words.Max(w => w.Length));

    /// <summary>Each function word with a bit per language of <see cref="Latin"/> that lists it, looked up by span.</summary>
    static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> FunctionWords = BuildFunctionWords();

    static Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> BuildFunctionWords()
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var l = 0; l < Latin.Length; l++)
        {
            foreach (var w in Latin[l].Words) words[w] = words.GetValueOrDefault(w) | 1 << l;
        }
        return words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    enum Script { Latn, Arab, Cyrl, Hebr, Grek, Kana, Hang, Hani, Other }

    static readonly Script[] Scripts = Enum.GetValues<Script>();

    static Script ScriptOf(char c) => c switch
    {
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => Script.Arab,
        >= '\u0400' and <= '\u04FF' => Script.Cyrl,
        >= '\u0590' and <= '\u05FF' => Script.Hebr,
        >= '\u0370' and <= '\u03FF' => Script.Grek,
        >= '\u3040' and <= '\u30FF' => Script.Kana,
        >= '\uAC00' and <= '\uD7AF' => Script.Hang,
        >= '\u4E00' and <= '\u9FFF' => Script.Hani,
        _ when c < '\u0250' => Script.Latn,
        _ => Script.Other,
    };

    /// <summary>True for English, and for an unknown language (a text too short to tell is read as before: as English).</summary>
    public static bool IsEnglishOrUnknown(string? tag) => tag is null || Primary(tag) == "en";

    /// <summary>The primary subtag, lower case: <c>en-GB</c> → <c>en</c>, <c>ar_SY</c> → <c>ar</c>.</summary>
    public static string Primary(string tag) => tag.Trim().Split('-', '_')[0].ToLowerInvariant();

    /// <summary>A language this guess recognises as written in Latin script.</summary>
    public static bool IsLatin(string tag) => Latin.Any(l => l.Tag == Primary(tag));

    static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);

    /// <summary>The English name of a language tag, for messages ("Arabic"); the tag itself when .NET does not know it.</summary>
    public static string NameOf(string tag)
    {
        try
        {
            return CultureInfo.GetCultureInfo(Primary(tag)).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }
    }
}
