using System.Globalization;
using System.Text;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// Folds text so that spelling variants of a name compare equal: lower case, diacritics removed
/// (Saʿīd = said), apostrophes and ʿayn marks dropped (Sha'ar = Shaar = Sha’ar), hyphens and runs of
/// white space made one space (al-Sukkari = al Sukkari), and the Arabic article's assimilated or
/// French forms written as "al" (ash-Shaar, as-Sukkari, el-Haj = al Shaar, al Sukkari, al Haj).
/// Every other character stays as it is, so word boundaries survive.
/// </summary>
public static class TextFolding
{
    static readonly char[] Table = BuildTable();

    /// <summary>Characters dropped entirely: apostrophes, ʿayn/hamza marks and combining diacritics.</summary>
    const char Drop = '\0';

    public static string FoldPhrase(string phrase) => Fold(phrase).Folded.Trim();

    /// <summary>One character folded; <c>'\0'</c> for one that is dropped (an apostrophe, a diacritic).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static char FoldChar(char c) => Table[c];

    /// <summary>Folds one word into <paramref name="buffer"/> (at least as long as the word); returns the folded length.</summary>
    public static int FoldInto(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in word)
        {
            var f = Table[c];
            if (f != Drop) buffer[n++] = f;
        }
        return n;
    }

    public static FoldedText Fold(string text)
    {
        var folded = GC.AllocateUninitializedArray<char>(text.Length + 1);
        var map = GC.AllocateUninitializedArray<int>(text.Length + 1);
        var starts = GC.AllocateUninitializedArray<int>(text.Length + 1);
        var n = FoldInto(text, folded, map, starts, out var words);
        return new FoldedText(text, folded, n, map, starts, words);
    }

    [ThreadStatic] static char[]? scratchFolded;
    [ThreadStatic] static int[]? scratchMap;
    [ThreadStatic] static int[]? scratchStarts;

    /// <summary>
    /// <see cref="Fold"/> with this thread's buffers for the work: the result's offsets are only valid until this thread
    /// folds with this method again (the extractor folds a sentence, matches it and is done with it).
    /// </summary>
    internal static FoldedText FoldWithThreadBuffers(string text)
    {
        if (scratchMap is not { } map || map.Length < text.Length + 1)
        {
            var size = Math.Max(text.Length + 1, 1024);
            scratchFolded = GC.AllocateUninitializedArray<char>(size);
            scratchMap = map = GC.AllocateUninitializedArray<int>(size);
            scratchStarts = GC.AllocateUninitializedArray<int>(size);
        }
        var folded = scratchFolded!;
        var starts = scratchStarts!;
        var n = FoldInto(text, folded, map, starts, out var words);
        return new FoldedText(text, folded, n, map, starts, words);
    }

    // What a character is to FoldInto, looked up once per character (a table, not a chain of comparisons).
    const byte SeparatorClass = 1, DropClass = 2, WordClass = 4, ArticleClass = 8;
    static readonly byte[] Classes = BuildClasses();

    /// <summary>
    /// Folds <paramref name="text"/> into <paramref name="folded"/>, the source offset of each folded character into
    /// <paramref name="map"/>, and where each folded word starts (a word character after a non-word one) into
    /// <paramref name="starts"/>, so that matching jumps from word to word.
    /// </summary>
    static int FoldInto(string text, char[] folded, int[] map, int[] starts, out int words)
    {
        var n = 0;
        var w = 0;
        var previousIsWord = false; // whether folded[n - 1] is a word character
        var classes = Classes;
        var table = Table;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var kind = classes[c];
            if ((kind & SeparatorClass) != 0)
            {
                if (n > 0 && folded[n - 1] != ' ')
                {
                    folded[n] = ' ';
                    map[n++] = i;
                }
                previousIsWord = false;
                continue;
            }
            if ((kind & DropClass) != 0) continue;
            if ((kind & ArticleClass) != 0 && !previousIsWord && ArticleLength(text, i) is var len and > 0)
            {
                // "ash-", "as-", "el-", "el " ...: the article, written "al".
                starts[w++] = n;
                folded[n] = 'a';
                map[n++] = i;
                folded[n] = 'l';
                map[n++] = i + 1;
                i += len - 1;
                previousIsWord = true;
                continue;
            }
            var isWord = (kind & WordClass) != 0;
            if (isWord && !previousIsWord) starts[w++] = n;
            previousIsWord = isWord;
            folded[n] = table[c];
            map[n++] = i;
            if (!isWord) continue;
            // The rest of a word in small ASCII letters folds to itself and starts nothing: most of news English.
            while (i + 1 < text.Length && text[i + 1] is >= 'a' and <= 'z')
            {
                folded[n] = text[++i];
                map[n++] = i;
            }
        }
        words = w;
        return n;
    }

    static byte[] BuildClasses()
    {
        var classes = new byte[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var f = Table[i];
            classes[i] = IsSeparator(c) ? SeparatorClass
                : f == Drop ? DropClass
                : (byte)((char.IsLetterOrDigit(f) ? WordClass : 0) | (f is 'a' or 'e' ? ArticleClass : 0));
        }
        return classes;
    }

    /// <summary>Letters of an article form (without the al form itself) starting at <paramref name="i"/>, or 0.</summary>
    static int ArticleLength(string text, int i)
    {
        // An article form is two or three letters and then a hyphen or a space; most words starting with a or e
        // ("and", "east") are ruled out by their third or fourth character.
        if (i + 2 >= text.Length || !char.IsLetter(text[i + 1])) return 0;
        var end = i + 2;
        if (char.IsLetter(text[end]))
        {
            end++;
            if (end >= text.Length || char.IsLetter(text[end])) return 0;
        }
        var next = text[end];
        var hyphen = next is '-' or '‐' or '‑';
        if (!hyphen && next != ' ') return 0;
        var word = text.AsSpan(i, end - i);
        if (hyphen && end + 1 < text.Length && char.IsLetter(text[end + 1]) && IsAssimilatedArticle(word)) return end - i;
        if (word.Equals("el", StringComparison.OrdinalIgnoreCase)) return end - i;
        return 0;
    }

    static bool IsAssimilatedArticle(ReadOnlySpan<char> word)
    {
        if (word.Length is not (2 or 3) || word[0] is not ('a' or 'A')) return false;
        Span<char> rest = stackalloc char[2];
        var n = word[1..].ToLowerInvariant(rest);
        return rest[..n] is "sh" or "s" or "d" or "dh" or "z" or "n" or "t" or "th" or "r" or "j";
    }

    static readonly bool[] AsciiWordChar = Enumerable.Range(0, 128).Select(c => char.IsLetterOrDigit((char)c)).ToArray();

    /// <summary><see cref="char.IsLetterOrDigit(char)"/>, with a table for ASCII.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) => c < 128 ? AsciiWordChar[c] : char.IsLetterOrDigit(c);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsSeparator(char c) => c is ' ' or '\t' or '\n' or '\r' or '-' or '‐' or '‑' or '\u00A0' or '\u2009' or '\u202F' or '_';

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ' or 'ʿ' or 'ʾ' or '`' or '´' or '′';

    static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (IsApostrophe(c) || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                table[i] = Drop;
                continue;
            }
            if (char.IsSurrogate(c) || !char.IsLetter(c))
            {
                table[i] = c;
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            table[i] = decomposed.Length > 0 && char.IsLetter(decomposed[0]) ? decomposed[0] : lower;
        }
        table['ı'] = 'i';
        table['ł'] = 'l';
        table['ø'] = 'o';
        table['đ'] = 'd';
        table['\0'] = ' ';
        return table;
    }
}
