using AleppoDashboard.Data.Text;

namespace AleppoDashboard.Ingest.Extraction.Arabic;

/// <summary>
/// Splits a sentence into normalised words, numbers (Western, Arabic-Indic or Persian digits, with a decimal point),
/// percent signs and clause breaks (، , ؛ ; . : ! ? and dashes). Quotes and brackets are skipped: «جبهة النصرة» is two words.
/// </summary>
public static class ArabicTokenizer
{
    public static List<ArabicToken> Tokenize(string text)
    {
        var tokens = new List<ArabicToken>();
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
                tokens.Add(new ArabicToken(start, i, digits.ToString(), ArabicTokenKind.Number));
            }
            else if (ArabicNormalization.IsWordPart(c))
            {
                var start = i;
                while (i < text.Length && ArabicNormalization.IsWordPart(text[i])) i++;
                var word = ArabicNormalization.NormalizeWord(text.AsSpan(start, i - start));
                if (word.Length > 0) tokens.Add(new ArabicToken(start, i, word, ArabicTokenKind.Word));
            }
            else
            {
                if (folded == '%') tokens.Add(new ArabicToken(i, i + 1, "%", ArabicTokenKind.Percent));
                else if (IsBreak(c)) tokens.Add(new ArabicToken(i, i + 1, c.ToString(), ArabicTokenKind.Break));
                i++;
            }
        }
        return tokens;
    }

    static bool IsBreak(char c) => c is '،' or ',' or '؛' or ';' or '.' or ':' or '!' or '?' or '؟' or '–' or '—';
}
