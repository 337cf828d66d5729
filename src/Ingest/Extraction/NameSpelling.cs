namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// The letters English romanisations of Arabic names disagree on, made one (rules and examples in Reference/EXTRACTION.md):
/// q, k and c are one letter, kh is h, gh is g, sh and ch are one letter, th/dh/ph are t/d/f, a y inside a word is a vowel,
/// doubled letters are single, and a final h after a vowel (-ah, -eh, -iyeh) is dropped. What is left still differs in its
/// vowels (Sukkari, Sekkari); <see cref="Key"/> drops them, and <see cref="VowelDistance"/> says how far two spellings'
/// vowels are apart.
/// </summary>
public static class NameSpelling
{
    /// <summary>One folded word (lower case, diacritics and apostrophes gone) in its normal spelling.</summary>
    public static string Normalize(ReadOnlySpan<char> folded)
    {
        Span<char> buffer = stackalloc char[folded.Length];
        return new string(buffer[..NormalizeInto(folded, buffer)]);
    }

    /// <summary><see cref="Normalize"/> into <paramref name="buffer"/> (as long as the word at least); returns the length.</summary>
    public static int NormalizeInto(ReadOnlySpan<char> folded, Span<char> buffer)
    {
        // -ah, -eh, -iyeh: a final h after a vowel is not written in other spellings (before the letters are mapped: kh is a letter)
        if (folded.Length > 2 && folded[^1] == 'h' && IsVowel(folded[^2])) folded = folded[..^1];
        var n = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            var next = i + 1 < folded.Length ? folded[i + 1] : '\0';
            char mapped;
            if (next == 'h' && c is 's' or 'c' or 'k' or 'g' or 't' or 'd' or 'p' or 'z')
            {
                mapped = c switch { 's' or 'c' => 'S', 'k' => 'h', 'g' => 'g', 'p' => 'f', _ => c };
                i++;
            }
            else
            {
                mapped = c switch { 'q' or 'c' => 'k', 'y' when n > 0 => 'i', _ => c };
            }
            if (n > 0 && buffer[n - 1] == mapped) continue;
            buffer[n++] = mapped;
        }
        return n;
    }

    public static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>The consonants of a normal spelling, with <c>*</c> for a first vowel ("Inzarat" and "Anzarat" keep that they start with one).</summary>
    public static string Key(string normal)
    {
        Span<char> buffer = stackalloc char[normal.Length + 1];
        return new string(buffer[..KeyInto(normal, buffer)]);
    }

    /// <summary><see cref="Key"/> into <paramref name="buffer"/> (one longer than the spelling at least); returns the length.</summary>
    public static int KeyInto(ReadOnlySpan<char> normal, Span<char> buffer)
    {
        var n = 0;
        if (normal.Length > 0 && IsVowel(normal[0])) buffer[n++] = '*';
        foreach (var c in normal)
        {
            if (!IsVowel(c)) buffer[n++] = c;
        }
        return n;
    }

    /// <summary>
    /// The edit distance of two normal spellings where changing, adding or dropping a vowel costs a half and any
    /// consonant edit costs one: "sukari" and "sekari" are 0.5 apart, "sukari" and "sekure" (Secure) 1.5.
    /// </summary>
    public static double VowelDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        Span<double> previous = stackalloc double[b.Length + 1];
        Span<double> current = stackalloc double[b.Length + 1];
        previous[0] = 0;
        for (var j = 1; j <= b.Length; j++) previous[j] = previous[j - 1] + Cost(b[j - 1]);
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = previous[0] + Cost(a[i - 1]);
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = a[i - 1] == b[j - 1] ? 0 : IsVowel(a[i - 1]) && IsVowel(b[j - 1]) ? 0.5 : 1;
                current[j] = Math.Min(previous[j - 1] + substitute, Math.Min(previous[j] + Cost(a[i - 1]), current[j - 1] + Cost(b[j - 1])));
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.Length];
    }

    /// <summary>
    /// The two spellings end alike: their final vowels differ by at most one letter. "Khudre" and "Khodr" do; "Khalid" and
    /// "Khalidia", "Suleiman" and "Suleimaniyeh", or "Nairab" and "Nairabi" do not: the ending -iya makes another word (a place named after a person).
    /// </summary>
    public static bool SameEnding(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var (va, vb) = (FinalVowels(a), FinalVowels(b));
        if (va == vb) return true;
        if (Math.Abs(va - vb) > 1) return false;
        // One final vowel more: an -a or -e (Khudre, Khodr) is a spelling; an -i makes an adjective (Nairabi, "of Nairab")
        var longer = va > vb ? a : b;
        return Math.Min(va, vb) > 0 || longer[^1] is 'a' or 'e';
    }

    static int FinalVowels(ReadOnlySpan<char> s)
    {
        var n = 0;
        while (n < s.Length && IsVowel(s[s.Length - 1 - n])) n++;
        return n;
    }

    static double Cost(char c) => IsVowel(c) ? 0.5 : 1;
}
