using System.Text.RegularExpressions;

namespace AleppoDashboard.Ingest.Text;

/// <summary>
/// Splits text into sentences as character spans. A sentence never crosses a line break; within a line it
/// ends at . ! or ? (with any closing quotes or brackets) followed by a space and a capital, digit or
/// opening quote (or an Arabic letter: Arabic has no capitals; ؟ is a stop too), unless the word before the stop is a known abbreviation (Mr., Gen., Dec., U.S.) or an initial.
/// </summary>
public static partial class SentenceSplitter
{
    static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "brig", "adm", "cmdr", "gov", "sen",
        "rep", "st", "sr", "jr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "approx", "est", "dept", "fig",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m",
    };

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IReadOnlyList<(int Start, int Length)> Split(string text)
    {
        var spans = new List<(int, int)>();
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            SplitLine(text, lineStart, lineEnd, spans);
            lineStart = lineEnd + 1;
        }
        return spans;
    }

    static void SplitLine(string text, int start, int end, List<(int, int)> spans)
    {
        var sentenceStart = start;
        foreach (var m in Boundary().EnumerateMatches(text.AsSpan(start, end - start)))
        {
            var stopAt = start + m.Index;
            if (text[stopAt] == '.' && IsAbbreviation(text, sentenceStart, stopAt)) continue;
            Add(text, sentenceStart, start + m.Index + m.Length, spans);
            sentenceStart = start + m.Index + m.Length;
        }
        Add(text, sentenceStart, end, spans);
    }

    static bool IsAbbreviation(string text, int lineStart, int stopAt)
    {
        var wordStart = stopAt;
        while (wordStart > lineStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '“')) wordStart--;
        var word = text.AsSpan(wordStart, stopAt - wordStart);
        return word.Length == 1 && char.IsUpper(word[0]) || AbbreviationLookup.Contains(word);
    }

    static void Add(string text, int from, int to, List<(int, int)> spans)
    {
        while (from < to && char.IsWhiteSpace(text[from])) from++;
        while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
        if (to > from) spans.Add((from, to - from));
    }

    /// <summary>The stop and its closing quotes/brackets; the following space and an opening capital, digit or quote are looked ahead.</summary>
    [GeneratedRegex(@"[.!?؟]+[""”’')\]»]*(?=\s+[""“‘'(\[«]?[\p{Lu}\d\p{IsArabic}])")]
    private static partial Regex Boundary();
}
