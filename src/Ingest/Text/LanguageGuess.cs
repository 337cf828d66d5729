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

    public static string? Guess(string text)
    {
        var scripts = new Dictionary<string, int>();
        var letters = 0;
        var sample = text.Length > 20_000 ? text[..20_000] : text;
        foreach (var c in sample)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            var script = ScriptOf(c);
            scripts[script] = scripts.GetValueOrDefault(script) + 1;
        }
        if (letters < 40) return null;
        var (main, count) = scripts.MaxBy(s => s.Value);
        if (count < letters / 2) return null;
        return main switch
        {
            "Arab" => sample.Count(c => c is 'پ' or 'چ' or 'ژ' or 'گ') > letters / 200 ? "fa" : "ar",
            "Cyrl" => "ru",
            "Hebr" => "he",
            "Grek" => "el",
            "Kana" => "ja",
            "Hang" => "ko",
            "Hani" => scripts.GetValueOrDefault("Kana") > letters / 20 ? "ja" : "zh",
            "Latn" => LatinLanguage(sample),
            _ => null,
        };
    }

    /// <summary>The Latin-script language whose function words are most of the text's words; English unless another clearly leads.</summary>
    static string? LatinLanguage(string text)
    {
        var words = text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '“', '”', '‘', '’', '«', '»')).Where(w => w.Length > 0).ToList();
        if (words.Count < MinWords) return null;
        var scores = Latin.Select(l => (l.Tag, Hits: words.Count(l.Words.Contains))).OrderByDescending(s => s.Hits).ToList();
        return scores[0].Hits < words.Count / 20 ? null : scores[0].Tag;
    }

    static string ScriptOf(char c) => c switch
    {
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => "Arab",
        >= '\u0400' and <= '\u04FF' => "Cyrl",
        >= '\u0590' and <= '\u05FF' => "Hebr",
        >= '\u0370' and <= '\u03FF' => "Grek",
        >= '\u3040' and <= '\u30FF' => "Kana",
        >= '\uAC00' and <= '\uD7AF' => "Hang",
        >= '\u4E00' and <= '\u9FFF' => "Hani",
        _ when c < '\u0250' => "Latn",
        _ => "Other",
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
