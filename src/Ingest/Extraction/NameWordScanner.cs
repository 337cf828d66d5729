namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// The words of a sentence as <see cref="PlaceSpellingMatcher"/> compares them: letters with the apostrophes inside them
/// (Sa'eed), each with its folded, normal and key spelling. An article (al-, el-, Al, ash-, or run into the word as in
/// "alSukkari") is not a word of its own: it belongs to the word after it (<see cref="Word.ArticleStart"/>).
/// </summary>
public static class NameWordScanner
{
    public sealed record Word(int ArticleStart, int Start, int End, bool Capitalised, bool FollowsClosely, string Folded, string Normal, string Key);

    static readonly HashSet<string> AssimilatedArticles = ["as", "ash", "ad", "adh", "az", "an", "at", "ath", "ar", "ad", "aj"];

    public static List<Word> Scan(string text, ExtractionVocabulary vocabulary)
    {
        var result = new List<Word>();
        Span<char> buffer = stackalloc char[64];
        int? articleStart = null;
        var previousEnd = -1;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || TextFolding.IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))) i++;
            var end = i;
            if (end - start > buffer.Length) { articleStart = null; previousEnd = -1; continue; }
            var folded = buffer[..TextFolding.FoldInto(text.AsSpan(start, end - start), buffer)];
            var hyphenAfter = end < text.Length && text[end] is '-' or '‐' or '‑' or '_';
            if (folded is "al" or "el" || hyphenAfter && AssimilatedArticles.Contains(folded.ToString()))
            {
                articleStart ??= start;
                continue;
            }
            var wordStart = start;
            if (end - start > 4 && folded.StartsWith("al") && char.IsUpper(text[start + 2]))
            {
                articleStart ??= start; // "alSukkari"
                wordStart = start + 2;
                folded = folded[2..];
            }
            var from = articleStart ?? start;
            var closely = previousEnd >= 0 && OnlySeparators(text, previousEnd, from);
            var plain = folded.ToString();
            var spelling = vocabulary.NameTitles.GetValueOrDefault(plain, plain);
            var normal = NameSpelling.Normalize(spelling);
            result.Add(new Word(from, wordStart, end, IsCapitalised(text, wordStart, end), closely, plain, normal, NameSpelling.Key(normal)));
            articleStart = null;
            previousEnd = end;
        }
        return result;
    }

    /// <summary>A capital, then a small letter: a name ("Sukkari"), not an acronym ("SOHR") or an ordinary word.</summary>
    static bool IsCapitalised(string text, int start, int end) =>
        char.IsUpper(text[start]) && (end - start == 1 || char.IsLower(text[start + 1]) || TextFolding.IsApostrophe(text[start + 1]));

    static bool OnlySeparators(string text, int from, int to)
    {
        if (to - from > 3) return false;
        for (var k = from; k < to; k++)
        {
            if (!TextFolding.IsSeparator(text[k])) return false;
        }
        return true;
    }
}
