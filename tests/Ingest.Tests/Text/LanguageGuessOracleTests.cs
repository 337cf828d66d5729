using AleppoDashboard.Ingest.Text;

namespace AleppoDashboard.Ingest.Tests.Text;

/// <summary>
/// The guess is written as one pass over spans for the ingest's speed; these tests hold it to the plain LINQ version it
/// replaced (kept here as the oracle) on generated texts: mixed scripts, ties, punctuation, case and short texts.
/// </summary>
public class LanguageGuessOracleTests
{
    static readonly string[] Pieces =
    [
        "the", "The", "OF", "and", "said", "le", "la", "les", "est", "der", "die", "und", "Das", "el", "los", "que", "il",
        "che", "o", "os", "de", "het", "een", "ve", "bir", "için", "Aleppo", "army", "forces", "rebels", "“the”", "(and)",
        "said,", "'la'", "«les»", "de.", "...", "—", "العربية", "حلب", "پ", "چژگ", "Москва", "война", "שלום", "Ελλάδα",
        "かな", "カタカナ", "漢字", "한국어", "İstanbul", "ŞU", "Ça", "ÉTÉ", "été", "más", "più", "são", "não", "€", "42",
        "x", "", " ", "\n", "\t",
    ];

    [Fact]
    public void TheGuessIsTheSameAsThePlainVersionOnGeneratedTexts()
    {
        var random = new Random(18);
        for (var n = 0; n < 20_000; n++)
        {
            var words = random.Next(0, 90);
            var text = string.Join(random.Next(4) == 0 ? "  " : " ", Enumerable.Range(0, words).Select(_ => Pieces[random.Next(Pieces.Length)]));
            Assert.True(OldGuess(text) == LanguageGuess.Guess(text), $"text: {text}");
        }
    }

    [Fact]
    public void AnArticleIsGuessedAsItsHeadlineAndBodyJoinedByALineBreak()
    {
        // The ingest guesses from the headline and body without joining them into a copy of the article.
        var random = new Random(21);
        for (var n = 0; n < 5_000; n++)
        {
            var headline = Words(random, random.Next(0, 15));
            // Some bodies longer than the 20,000 characters the guess reads, written in another language after the cut.
            var body = n % 50 == 0
                ? string.Concat(Enumerable.Repeat(Words(random, 30) + " ", 20_000 / 100)) + Words(random, 60)
                : Words(random, random.Next(0, 90));
            Assert.True(LanguageGuess.Guess(headline + "\n" + body) == LanguageGuess.Guess(headline, body), $"headline: {headline}\nbody: {body}");
        }
    }

    static string Words(Random random, int count) =>
        string.Join(random.Next(4) == 0 ? "  " : " ", Enumerable.Range(0, count).Select(_ => Pieces[random.Next(Pieces.Length)]));

    [Theory]
    [InlineData("Government forces said on Sunday that the army was in control of the old city and of the districts to the east of it.")]
    [InlineData("حلب حلب حلب حلب حلب حلب حلب حلب حلب حلب حلب Aleppo Aleppo Aleppo Aleppo Aleppo Aleppo Aleppo Aleppo Aleppo Aleppo Aleppo")]
    [InlineData("Москва Москва Москва Москва Москва Москва Москва Москва ΕλλάδαΕλλάδα ΕλλάδαΕλλάδα ΕλλάδαΕλλάδα ΕλλάδαΕλλάδα ΕλλάδαΕλλ")]
    public void TiesAndShortTextsAreGuessedAsBefore(string text) => Assert.Equal(OldGuess(text), LanguageGuess.Guess(text));

    // The guess as it was before it was written for speed (2026-12-07).
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

    static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);

    static string? OldGuess(string text)
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

    static string? LatinLanguage(string text)
    {
        var words = text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '“', '”', '‘', '’', '«', '»')).Where(w => w.Length > 0).ToList();
        if (words.Count < 12) return null;
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
}
