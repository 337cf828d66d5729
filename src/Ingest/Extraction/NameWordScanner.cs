namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// The capitalised words of a sentence, where <see cref="PlaceSpellingMatcher"/> may read a name: letters with the
/// apostrophes inside them (Sa'eed). An article (al-, el-, Al, ash-, or run into the word as in "alSukkari") is not a
/// word of its own: it belongs to the word after it (<see cref="Word.ArticleStart"/>). A small word that is not an
/// article ends a run of name words and is not kept. Only offsets are kept; the matcher spells a word when it needs to.
/// </summary>
public static class NameWordScanner
{
    /// <summary>A capitalised word: [<see cref="Start"/>, <see cref="End"/>) without the article that may stand before it from <see cref="ArticleStart"/>.</summary>
    public readonly record struct Word(int ArticleStart, int Start, int End, bool FollowsClosely);

    [ThreadStatic] static List<Word>? scratch;

    /// <summary>
    /// The capitals a romanised name starts with: A–Z and the Latin-1 capitals (À–Þ). A set of characters below U+0100
    /// is searched with vector instructions; a name that starts with a rarer capital (Ḥ, Ş) is still matched exactly.
    /// </summary>
    static readonly System.Buffers.SearchValues<char> Capitals =
        System.Buffers.SearchValues.Create(Enumerable.Range(0, 0x100).Select(c => (char)c).Where(char.IsUpper).ToArray());

    /// <summary>The capitalised words, in this thread's list (valid until this thread scans again).</summary>
    public static List<Word> Scan(string text)
    {
        var result = scratch ??= new List<Word>(16);
        result.Clear();
        var previousEnd = -1;
        var i = 0;
        while (i < text.Length)
        {
            // Jump from capital to capital: most of a sentence is small words, which the spelling rules never read.
            var next = text.AsSpan(i).IndexOfAny(Capitals);
            if (next < 0) break;
            var start = i + next;
            var end = start + 1;
            while (end < text.Length && (char.IsLetter(text[end]) || TextFolding.IsApostrophe(text[end]) && end + 1 < text.Length && char.IsLetter(text[end + 1]))) end++;
            i = end;
            var wordStart = start;
            var articleStart = start;
            if (start > 0 && char.IsLetter(text[start - 1]))
            {
                // a capital inside a word: only "alSukkari", an article run into the name, makes it a name
                if (start < 2 || !RunInArticle(text, start - 2, end) || start > 2 && char.IsLetter(text[start - 3])) { previousEnd = -1; continue; }
                articleStart = start - 2;
            }
            else if (ArticleBefore(text, start) is { } article)
            {
                articleStart = article;
            }
            if (IsArticle(text, wordStart, end)) continue; // "Al-Hamidiya": the article goes with the word after it
            if (!IsCapitalised(text, wordStart, end)) { previousEnd = -1; continue; }
            result.Add(new Word(articleStart, wordStart, end, previousEnd >= 0 && OnlySeparators(text, previousEnd, articleStart)));
            previousEnd = end;
        }
        return result;
    }

    /// <summary>Where an article right before <paramref name="start"/> begins ("al-", "el ", "Al ", "ash-"), or null.</summary>
    static int? ArticleBefore(string text, int start)
    {
        var k = start;
        while (k > 0 && start - k < 2 && TextFolding.IsSeparator(text[k - 1])) k--;
        if (k == start) return null;
        var end = k;
        while (k > 0 && end - k < 4 && char.IsLetter(text[k - 1])) k--;
        if (k > 0 && char.IsLetter(text[k - 1])) return null;
        return IsArticle(text, k, end) ? k : null;
    }

    /// <summary>al, el (any case), or an assimilated article joined by a hyphen (ash-Shaar, as-Sukkari).</summary>
    static bool IsArticle(string text, int start, int end)
    {
        var length = end - start;
        if (length is < 2 or > 3) return false;
        var first = char.ToLowerInvariant(text[start]);
        var second = char.ToLowerInvariant(text[start + 1]);
        if (length == 2 && first is 'a' or 'e' && second == 'l') return true;
        if (end >= text.Length || text[end] is not ('-' or '‐' or '‑' or '_')) return false;
        // an assimilated article: as, ash, ad, adh, az, an, at, ath, ar, aj
        return first == 'a' && (length == 2
            ? second is 's' or 'd' or 'z' or 'n' or 't' or 'r' or 'j'
            : char.ToLowerInvariant(text[start + 2]) == 'h' && second is 's' or 'd' or 't');
    }

    static bool RunInArticle(string text, int start, int end) =>
        end - start > 4 && text[start] is 'a' or 'A' && text[start + 1] is 'l' && char.IsUpper(text[start + 2]);

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
