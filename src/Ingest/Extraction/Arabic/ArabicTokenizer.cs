using AleppoDashboard.Data.Text;

namespace AleppoDashboard.Ingest.Extraction.Arabic;

/// <summary>
/// Splits a sentence into normalised words, numbers (Western, Arabic-Indic or Persian digits, with a decimal point),
/// percent signs and clause breaks (، , ؛ ; . : ! ? and dashes). Quotes and brackets are skipped: «جبهة النصرة» is two words.
/// </summary>
public static class ArabicTokenizer
{
    /// <param name="words">
    /// The extractor's phrase words: when given, each token gets its numbers in it (<see cref="ArabicToken.Id"/> and the
    /// clitic-less forms), and a known word's text is the stored one rather than a new string.
    /// </param>
    public static List<ArabicToken> Tokenize(string text, ArabicWords? words = null)
    {
        var tokens = new List<ArabicToken>();
        TokenizeInto(text, words, tokens);
        return tokens;
    }

    /// <summary><see cref="Tokenize"/> into a list the caller reuses from sentence to sentence (cleared first).</summary>
    public static void TokenizeInto(string text, ArabicWords? words, List<ArabicToken> tokens)
    {
        tokens.Clear();
        Span<char> buffer = stackalloc char[64];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var folded = ArabicNormalization.FoldChar(c);
            if (char.IsAsciiDigit(folded))
            {
                var start = i;
                var digits = new System.Text.StringBuilder();
                while (i < text.Length)
                {
                    var f = ArabicNormalization.FoldChar(text[i]);
                    if (char.IsAsciiDigit(f)) digits.Append(f);
                    else if (f is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(ArabicNormalization.FoldChar(text[i + 1])) && digits.Length > 0)
                    {
                        if (f == '.') digits.Append('.'); // a thousands comma is left out
                    }
                    else break;
                    i++;
                }
                tokens.Add(Known(new ArabicToken(start, i, digits.ToString(), ArabicTokenKind.Number), words));
            }
            else if (ArabicNormalization.IsWordPart(c))
            {
                var start = i;
                while (i < text.Length && ArabicNormalization.IsWordPart(text[i])) i++;
                var into = i - start <= buffer.Length ? buffer : new char[i - start];
                var length = ArabicNormalization.NormalizeWord(text.AsSpan(start, i - start), into);
                if (length > 0) tokens.Add(Word(into[..length], start, i, words));
            }
            else
            {
                if (folded == '%') tokens.Add(Known(new ArabicToken(i, i + 1, "%", ArabicTokenKind.Percent), words));
                else if (IsBreak(c)) tokens.Add(new ArabicToken(i, i + 1, c.ToString(), ArabicTokenKind.Break));
                i++;
            }
        }
    }

    static ArabicToken Word(ReadOnlySpan<char> word, int start, int end, ArabicWords? words)
    {
        if (words is null) return new ArabicToken(start, end, new string(word), ArabicTokenKind.Word);
        var id = words.IdOf(word);
        var (conjunction, preposition) = ArabicToken.Clitics(word);
        return new ArabicToken(start, end, id >= 0 ? words.Text(id) : new string(word), ArabicTokenKind.Word)
        {
            Id = id,
            IdWithoutConjunction = conjunction > 0 ? words.IdOf(word[conjunction..]) : -1,
            IdWithoutPreposition = preposition > 0 ? words.IdOf(word[preposition..]) : -1,
            PrepositionEnd = preposition,
        };
    }

    static ArabicToken Known(ArabicToken token, ArabicWords? words) => words is null ? token : token with { Id = words.IdOf(token.Text) };

    static bool IsBreak(char c) => c is '،' or ',' or '؛' or ';' or '.' or ':' or '!' or '?' or '؟' or '–' or '—';
}
