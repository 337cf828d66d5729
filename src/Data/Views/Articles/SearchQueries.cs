using System.Globalization;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Text;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Articles;

/// <summary>The first sentence of an article that matches the search, for showing why an article was listed.</summary>
public sealed record SearchSnippet(int ArticleId, int SentenceIndex, string Text);

public static class SearchQueries
{
    /// <summary>For each of <paramref name="articleIds"/>, its earliest sentence matching the filter's search (none without one).</summary>
    public static async Task<Dictionary<int, SearchSnippet>> FirstMatchesAsync(this DashboardDb db, DashboardFilter filter, IReadOnlyCollection<int> articleIds, CancellationToken ct)
    {
        if (filter.Text is not { } text) return new();
        if (filter.Matches is { } known && known.AreFor(text))
        {
            // Already known per article: read those sentences by id.
            var sentenceIds = articleIds.Select(known.FirstSentenceOf).OfType<int>().ToList();
            return await db.Sentences.AsNoTracking()
                .Where(s => sentenceIds.Contains(s.Id))
                .Select(s => new SearchSnippet(s.ArticleId, s.Index, s.Text))
                .ToDictionaryAsync(s => s.ArticleId, ct);
        }
        var ids = articleIds.ToList();
        var matches = await db.MatchingSentences(text)
            .Where(s => ids.Contains(s.ArticleId))
            .Select(s => new SearchSnippet(s.ArticleId, s.Index, s.Text))
            .ToListAsync(ct);
        return matches.GroupBy(m => m.ArticleId).ToDictionary(g => g.Key, g => g.MinBy(m => m.SentenceIndex)!);
    }

    /// <summary>
    /// Where the search's words occur in <paramref name="sentence"/> (case and accents ignored), as (start, length)
    /// spans to highlight. FTS5 decides what matches; this only finds the words again for display, in the sentence
    /// folded as the index holds it, and maps them back onto its original text.
    /// </summary>
    public static IReadOnlyList<(int Start, int Length)> TermSpans(string original, string text)
    {
        var folded = SearchFolding.HasArabicBlock(original) ? FoldedText.Of(original) : null;
        var sentence = folded?.Text ?? original;
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        const CompareOptions options = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        var spans = new List<(int, int)>();
        foreach (var term in SearchQuery.Parse(text).Terms)
        {
            for (var at = 0; at < sentence.Length;)
            {
                var relative = compare.IndexOf(sentence.AsSpan(at), term.AsSpan(), options, out var length);
                if (relative < 0) break;
                var found = at + relative;
                if (found == 0 || !char.IsLetterOrDigit(sentence[found - 1])) spans.Add(folded?.ToOriginal(found, length) ?? (found, length));
                at = found + Math.Max(length, 1);
            }
        }
        return spans;
    }
}
