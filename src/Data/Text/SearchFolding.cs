using System.Text;

namespace AleppoDashboard.Data.Text;

/// <summary>
/// A text as the full-text index holds it (<see cref="ArabicNormalization"/> applied word by word, and the article
/// left out), with where each
/// of its characters came from in the original, so that a match found in the folded text is highlighted on the
/// original one. Text without Arabic is indexed as it is (the FTS5 tokenizer folds case and Latin accents).
/// </summary>
public sealed class FoldedText
{
    readonly int[] starts;
    readonly int[] ends;

    FoldedText(string original, string text, int[] starts, int[] ends)
    {
        Original = original;
        Text = text;
        this.starts = starts;
        this.ends = ends;
    }

    public string Original { get; }
    public string Text { get; }

    /// <summary>
    /// The span of the original text that a span of <see cref="Text"/> came from: a clitic taken off the article and the
    /// harakat and tatweel inside the span are part of it, so "وبالشيخ" is highlighted whole when "شيخ" matched.
    /// </summary>
    public (int Start, int Length) ToOriginal(int start, int length)
    {
        if (Text.Length == 0) return (0, 0);
        start = Math.Clamp(start, 0, Text.Length - 1);
        var last = Math.Clamp(start + Math.Max(length, 1) - 1, start, Text.Length - 1);
        return (starts[start], ends[last] - starts[start]);
    }

    /// <summary>
    /// Folds <paramref name="original"/> as <see cref="ArabicNormalization.Normalize"/> does, and also leaves the article
    /// out of every word, keeping the offsets.
    /// </summary>
    public static FoldedText Of(string original)
    {
        var text = new StringBuilder(original.Length);
        var starts = new List<int>(original.Length);
        var ends = new List<int>(original.Length);
        var i = 0;
        while (i < original.Length)
        {
            if (!ArabicNormalization.IsWordPart(original[i]))
            {
                text.Append(ArabicNormalization.FoldChar(original[i]));
                starts.Add(i);
                ends.Add(i + 1);
                i++;
                continue;
            }
            var wordStart = i;
            while (i < original.Length && ArabicNormalization.IsWordPart(original[i])) i++;
            AppendWord(original, wordStart, i, text, starts, ends);
        }
        return new FoldedText(original, text.ToString(), [.. starts], [.. ends]);
    }

    static void AppendWord(string original, int from, int to, StringBuilder text, List<int> starts, List<int> ends)
    {
        // The word's kept characters, each with the original span it covers (a dropped mark joins the character before it,
        // or the first one when it leads the word).
        var chars = new List<(char C, int Start, int End)>(to - from);
        var leading = from;
        for (var j = from; j < to; j++)
        {
            var f = ArabicNormalization.FoldChar(original[j]);
            if (f != ArabicNormalization.Dropped) chars.Add((f, chars.Count == 0 ? leading : j, j + 1));
            else if (chars.Count > 0) chars[^1] = chars[^1] with { End = j + 1 };
        }
        if (chars.Count == 0) return;
        var folded = new string(chars.Select(c => c.C).ToArray());
        // The clitics and the article are left out, as Arabic search engines' light stemming does: "ارهاب*" finds
        // "الإرهابيين" as "terror*" finds "terrorists", and "الشيخ سعيد", "شيخ سعيد" and "بالشيخ سعيد" find each other.
        var noun = ArticleEnd(folded);
        var first = true;
        foreach (var (c, start, end) in chars.Skip(noun))
        {
            text.Append(c);
            starts.Add(first ? chars[0].Start : start);
            ends.Add(end);
            first = false;
        }
    }

    /// <summary>Where the noun starts after a fused clitic and article (<see cref="ArabicNormalization.ArticleAt"/>), or a bare article with at least two letters after it; 0 without.</summary>
    static int ArticleEnd(string folded)
    {
        var article = Math.Abs(ArabicNormalization.ArticleAt(folded));
        if (article > 0) return article;
        return folded.Length >= 4 && folded[0] == 'ا' && folded[1] == 'ل' ? 2 : 0;
    }
}

/// <summary>What the full-text index holds for a sentence, and how a search is folded to match it.</summary>
public static class SearchFolding
{
    /// <summary>The folded text to index instead of <paramref name="text"/>; null when the text has nothing to fold.</summary>
    public static string? IndexTextOf(string text)
    {
        if (!HasArabicBlock(text)) return null;
        var folded = FoldedText.Of(text).Text;
        return folded == text ? null : folded;
    }

    /// <summary>A word or phrase of a search as the index holds it: Arabic folded, anything else as typed.</summary>
    public static string QueryTextOf(string typed) => HasArabicBlock(typed) ? FoldedText.Of(typed).Text : typed;

    /// <summary>Whether any character is in the Arabic block (letters, marks, Arabic-Indic and Persian digits).</summary>
    public static bool HasArabicBlock(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u0600' and <= '\u06FF') return true;
        }
        return false;
    }
}
