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
        var folder = new Folder(original.Length, offsets: true);
        folder.Fold(original);
        return new FoldedText(original, folder.Text.ToString(), [.. folder.Starts!], [.. folder.Ends!]);
    }

    /// <summary>The folded text alone (what the index stores), without the offsets.</summary>
    public static string TextOf(string original)
    {
        var folder = new Folder(original.Length, offsets: false);
        folder.Fold(original);
        return folder.Text.ToString();
    }

    /// <summary>Where the noun starts after a fused clitic and article (<see cref="ArabicNormalization.ArticleAt"/>), or a bare article with at least two letters after it; 0 without.</summary>
    static int ArticleEnd(ReadOnlySpan<char> folded)
    {
        var article = Math.Abs(ArabicNormalization.ArticleAt(folded));
        if (article > 0) return article;
        return folded.Length >= 4 && folded[0] == 'ا' && folded[1] == 'ل' ? 2 : 0;
    }

    /// <summary>One pass over a text, word by word, with one set of word buffers (ingest folds every Arabic sentence).</summary>
    sealed class Folder(int capacity, bool offsets)
    {
        public StringBuilder Text { get; } = new(capacity);
        public List<int>? Starts { get; } = offsets ? new(capacity) : null;
        public List<int>? Ends { get; } = offsets ? new(capacity) : null;
        char[] chars = new char[32];
        int[] starts = new int[32];
        int[] ends = new int[32];

        public void Fold(string original)
        {
            var i = 0;
            while (i < original.Length)
            {
                if (!ArabicNormalization.IsWordPart(original[i]))
                {
                    Add(ArabicNormalization.FoldChar(original[i]), i, i + 1);
                    i++;
                    continue;
                }
                var wordStart = i;
                while (i < original.Length && ArabicNormalization.IsWordPart(original[i])) i++;
                Word(original, wordStart, i);
            }
        }

        void Add(char c, int start, int end)
        {
            Text.Append(c);
            Starts?.Add(start);
            Ends?.Add(end);
        }

        void Word(string original, int from, int to)
        {
            if (chars.Length < to - from)
            {
                chars = new char[to - from];
                starts = new int[to - from];
                ends = new int[to - from];
            }
            // The word's kept characters, each with the original span it covers (a dropped mark joins the character
            // before it, or the first one when it leads the word).
            var n = 0;
            for (var j = from; j < to; j++)
            {
                var f = ArabicNormalization.FoldChar(original[j]);
                if (f != ArabicNormalization.Dropped)
                {
                    chars[n] = f;
                    starts[n] = n == 0 ? from : j;
                    ends[n] = j + 1;
                    n++;
                }
                else if (n > 0) ends[n - 1] = j + 1;
            }
            if (n == 0) return;
            // The clitics and the article are left out, as Arabic search engines' light stemming does: "ارهاب*" finds
            // "الإرهابيين" as "terror*" finds "terrorists", and "الشيخ سعيد", "شيخ سعيد" and "بالشيخ سعيد" find each
            // other. The noun's first letter covers what was left out, so a match is highlighted on the whole word.
            var noun = ArticleEnd(chars.AsSpan(0, n));
            for (var k = noun; k < n; k++) Add(chars[k], k == noun ? starts[0] : starts[k], ends[k]);
        }
    }
}

/// <summary>What the full-text index holds for a sentence, and how a search is folded to match it.</summary>
public static class SearchFolding
{
    /// <summary>The folded text to index instead of <paramref name="text"/>; null when the text has nothing to fold.</summary>
    public static string? IndexTextOf(string text)
    {
        if (!HasArabicBlock(text)) return null;
        var folded = FoldedText.TextOf(text);
        return folded == text ? null : folded;
    }

    /// <summary>A word or phrase of a search as the index holds it: Arabic folded, anything else as typed.</summary>
    public static string QueryTextOf(string typed) => HasArabicBlock(typed) ? FoldedText.TextOf(typed) : typed;

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
