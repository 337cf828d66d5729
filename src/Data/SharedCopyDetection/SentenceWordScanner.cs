using System.Globalization;
using System.Text;

namespace AleppoDashboard.Data.SharedCopyDetection;

/// <summary>
/// Normalises sentences one after another for <see cref="SharedCopyBuilder"/> (the rule of
/// <see cref="SharedCopyDetector.NormalisedWords"/>) into one reused buffer of characters, without a string per word:
/// the detection normalises every distinct sentence of the corpus, millions in a large one. The text's key
/// and shingles are the same numbers as those computed from the words as strings. Not thread-safe: one per builder.
/// </summary>
public sealed class SentenceWordScanner
{
    char[] chars = new char[512];
    int length;
    readonly List<(int Start, int Length)> words = [];
    readonly HashSet<long> shingles = [];

    /// <summary>Reads <paramref name="text"/>'s normalised words (replacing those of the text before).</summary>
    public void Scan(string text)
    {
        length = 0;
        words.Clear();
        var start = 0;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (length == chars.Length) Array.Resize(ref chars, chars.Length * 2);
                chars[length++] = char.ToLowerInvariant(c);
            }
            else if (c is '\'' or '’' or '‘' or 'ʼ' or '`' || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // apostrophes join (Assad's = assads); diacritic marks vanish
            }
            else if (length > start)
            {
                words.Add((start, length - start));
                start = length;
            }
        }
        if (length > start) words.Add((start, length - start));
    }

    /// <summary>The words read by <see cref="Scan"/>.</summary>
    public IReadOnlyList<string> Words => words.Select(w => new string(chars, w.Start, w.Length)).ToList();

    /// <summary>64-bit FNV-1a hash of the words joined by single spaces (the key of a distinct normalised text).</summary>
    public ulong Key
    {
        get
        {
            var h = Fnv.Offset;
            for (var i = 0; i < words.Count; i++)
            {
                if (i > 0) h = Fnv.Add(h, ' ');
                h = Fnv.Add(h, Word(i));
            }
            return h;
        }
    }

    /// <summary>The distinct word 3-grams, hashed as <see cref="SharedCopyDetector.Shingles"/> hashes them, sorted.</summary>
    public long[] Shingles()
    {
        shingles.Clear();
        for (var i = 0; i + SharedCopyDetector.ShingleSize <= words.Count; i++)
        {
            shingles.Add(Fnv.Shingle(Word(i), Word(i + 1), Word(i + 2)));
        }
        var sorted = shingles.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    ReadOnlySpan<char> Word(int i) => chars.AsSpan(words[i].Start, words[i].Length);
}

/// <summary>64-bit FNV-1a over UTF-16 code units, as the detector hashes texts and shingles.</summary>
internal static class Fnv
{
    public const ulong Offset = 14695981039346656037UL;

    public static ulong Add(ulong h, char c) => (h ^ c) * 1099511628211UL;

    public static ulong Add(ulong h, ReadOnlySpan<char> text)
    {
        foreach (var c in text) h = Add(h, c);
        return h;
    }

    /// <summary>A word 3-gram's hash: the three words joined by U+0001.</summary>
    public static long Shingle(ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c) =>
        (long)Add(Add(Add(Add(Add(Offset, a), '\u0001'), b), '\u0001'), c);
}
