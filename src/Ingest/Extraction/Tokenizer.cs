using System.Globalization;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>Splits a sentence into <see cref="Token"/>s. Hyphens separate words ("rebel-held" is "rebel", "held").</summary>
public static class Tokenizer
{
    static readonly string[] AsciiMarks = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();

    /// <summary>The index of the first token that ends after <paramref name="offset"/> (the token at or after it), or the count.</summary>
    public static int IndexAt(List<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 6 + 4);
        TokenizeInto(text, tokens);
        return tokens;
    }

    [ThreadStatic] static List<Token>? scratch;

    /// <summary>
    /// <see cref="Tokenize"/> into this thread's list: valid until this thread calls it again (the extractor tokenizes
    /// a sentence, reads its facts and is done with the tokens).
    /// </summary>
    internal static List<Token> TokenizeWithThreadList(string text)
    {
        var tokens = scratch ??= new List<Token>(256);
        tokens.Clear();
        TokenizeInto(text, tokens);
        return tokens;
    }

    static void TokenizeInto(string text, List<Token> tokens)
    {
        var words = FoldedWords.ForThisThread;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || TextFolding.IsSeparator(c))
            {
                i++;
                continue;
            }
            if (char.IsDigit(c))
            {
                var end = i;
                while (end < text.Length && (char.IsDigit(text[end]) || text[end] is '.' or ',' && end + 1 < text.Length && char.IsDigit(text[end + 1]) && end > i)) end++;
                var raw = text[i..end];
                var number = ParseNumber(raw);
                tokens.Add(new Token(raw, i, end, true, false, number));
                i = end;
                continue;
            }
            if (char.IsLetter(c))
            {
                var end = i;
                while (end < text.Length && (TextFolding.IsWordChar(text[end]) || TextFolding.IsApostrophe(text[end]) && end + 1 < text.Length && char.IsLetter(text[end + 1]))) end++;
                var wordEnd = end;
                var possessive = false;
                if (wordEnd - i > 2 && (text[wordEnd - 1] is 's' or 'S') && TextFolding.IsApostrophe(text[wordEnd - 2]))
                {
                    wordEnd -= 2;
                    possessive = true;
                }
                else if (end < text.Length && TextFolding.IsApostrophe(text[end]) && text[end - 1] is 's' && (end + 1 >= text.Length || !char.IsLetter(text[end + 1])))
                {
                    possessive = true;
                    end++;
                }
                var (word, hash) = words.Get(text.AsSpan(i, wordEnd - i));
                tokens.Add(new Token(word, hash, i, wordEnd, true, possessive, null));
                i = end;
                continue;
            }
            if (TextFolding.IsApostrophe(c) && tokens.Count > 0 && tokens[^1].End == i)
            {
                i++; // a stray apostrophe closing a quote
                continue;
            }
            tokens.Add(new Token(c < 128 ? AsciiMarks[c] : c.ToString(), i, i + 1, false, false, null));
            i++;
        }
    }

    static double? ParseNumber(string raw)
    {
        // "10,500" is ten thousand five hundred; "85.5" and the European "450.000" are told apart by the digits after the dot.
        var s = raw.Replace(",", "");
        var dot = s.IndexOf('.');
        if (dot >= 0 && s.Length - dot - 1 == 3 && s.IndexOf('.', dot + 1) < 0 && dot <= 3) s = s.Remove(dot, 1);
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
