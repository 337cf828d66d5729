namespace AleppoDashboard.Data.Text;

/// <summary>
/// The one Arabic normalisation, for matching names and cue words and for search: outlets write the same word with
/// or without hamza on its alef, with taa marbuta or haa, alef maqsura or yaa, with or without harakat and tatweel,
/// in Western, Arabic-Indic or Persian digits, and with a conjunction or preposition fused to its article.
/// <list type="bullet">
/// <item>أ إ آ ٱ → ا; ة → ه; ى → ي; ؤ → و and ئ → ي (hamza seats, written either way);</item>
/// <item>tatweel (ـ), harakat, shadda, sukun, dagger alef and Quranic marks are dropped;</item>
/// <item>٠-٩ and ۰-۹ → 0-9; ٪ → %; the Arabic decimal and thousands separators → . and ,;</item>
/// <item>per word, و/ف and ب/ك before the article are dropped ("وبالشيخ" → "الشيخ"), and لل is ل + ال ("للسكري" → "السكري").</item>
/// </list>
/// A clitic is only taken off when at least two letters follow the article, so "والي" and "بالغ" stay whole.
/// </summary>
public static class ArabicNormalization
{
    /// <summary>Marks <see cref="FoldChar"/> drops.</summary>
    public const char Dropped = '\0';

    /// <summary>Folds one character; <see cref="Dropped"/> for a mark that is left out.</summary>
    public static char FoldChar(char c) => (uint)(c - BlockStart) < (uint)Block.Length ? Block[c - BlockStart] : c;

    /// <summary>Every character the rules change is in the Arabic block: its folds are read from a table made of the rules.</summary>
    const char BlockStart = '\u0600';

    static readonly char[] Block = Enumerable.Range(BlockStart, 0x100).Select(c => Fold((char)c)).ToArray();

    static char Fold(char c) => c switch
    {
        'أ' or 'إ' or 'آ' or 'ٱ' or 'ٲ' or 'ٳ' => 'ا',
        'ة' => 'ه',
        'ى' or 'ی' or 'ئ' => 'ي',
        'ؤ' => 'و',
        'ک' => 'ك',
        'ـ' => Dropped,
        >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u0610' and <= '\u061A' or >= '\u06D6' and <= '\u06ED' => Dropped,
        >= '٠' and <= '٩' => (char)('0' + (c - '٠')),
        >= '۰' and <= '۹' => (char)('0' + (c - '۰')),
        '٪' => '%',
        '٫' => '.',
        '٬' => ',',
        _ => c,
    };

    /// <summary>True for a letter of the Arabic block (the marks and digits are not letters).</summary>
    public static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3' or '\u06D5';

    /// <summary>Whether any character of the text is an Arabic letter.</summary>
    public static bool HasArabic(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsArabicLetter(c)) return true;
        }
        return false;
    }

    /// <summary>One word folded and its fused clitics taken off the article.</summary>
    public static string NormalizeWord(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        return new string(buffer[..NormalizeWord(word, buffer)]);
    }

    /// <summary>
    /// <see cref="NormalizeWord(ReadOnlySpan{char})"/> written into <paramref name="into"/> (at least as long as the
    /// word; the result is never longer), for a caller that looks the word up before deciding to keep a string of it.
    /// Returns the normalised length.
    /// </summary>
    public static int NormalizeWord(ReadOnlySpan<char> word, Span<char> into)
    {
        var n = 0;
        foreach (var c in word)
        {
            var f = FoldChar(c);
            if (f != Dropped) into[n++] = f;
        }
        var article = ArticleAt(into[..n]);
        if (article == 0) return n;
        var noun = Math.Abs(article);
        into[noun..n].CopyTo(into[2..]); // the noun moves left over the clitics, behind "ال"
        into[0] = 'ا';
        into[1] = 'ل';
        return n - noun + 2;
    }

    /// <summary>
    /// Where a fused article's noun starts: positive after "ال" behind و/ف and ب/ك ("وبالشيخ"); negative after "لل"
    /// behind an optional و/ف ("وللسكري"); 0 when the word has no clitic before its article.
    /// </summary>
    internal static int ArticleAt(ReadOnlySpan<char> w)
    {
        var i = 0;
        if (w.Length > 0 && w[0] is 'و' or 'ف') i++;
        if (w.Length - i >= 4 && w[i] == 'ل' && w[i + 1] == 'ل') return -(i + 2);
        var preposition = w.Length > i && w[i] is 'ب' or 'ك';
        if (preposition) i++;
        if (i == 0) return 0;
        // the article and at least two letters of its noun
        return w.Length - i >= 4 && w[i] == 'ا' && w[i + 1] == 'ل' ? i + 2 : 0;
    }

    /// <summary>A whole text normalised word by word; what is not a letter is kept as it is (the result may be shorter).</summary>
    public static string Normalize(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordPart(text[i]))
            {
                var f = FoldChar(text[i]);
                if (f != Dropped) result.Append(f);
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && IsWordPart(text[i])) i++;
            result.Append(NormalizeWord(text.AsSpan(start, i - start)));
        }
        return result.ToString();
    }

    /// <summary>A letter, or a mark that sits inside a word (harakat, tatweel).</summary>
    public static bool IsWordPart(char c) => (uint)(c - BlockStart) < (uint)BlockWordParts.Length ? BlockWordParts[c - BlockStart] : char.IsLetter(c) || c == Dropped;

    /// <summary><see cref="IsWordPart"/> of the Arabic block, made of its rule once (a letter's Unicode category is a slower look-up).</summary>
    static readonly bool[] BlockWordParts = Enumerable.Range(BlockStart, 0x100).Select(c => char.IsLetter((char)c) || c == 'ـ' || Fold((char)c) == Dropped).ToArray();
}
