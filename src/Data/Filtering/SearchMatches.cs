namespace AleppoDashboard.Data.Filtering;

/// <summary>
/// The articles a full-text search matches, with each one's first matching sentence (lowest index), read once from the
/// FTS index by <c>SearchMatchCache</c> and then reused by every query of that filter (count, rows, facts, snippets)
/// instead of evaluating the match again in each. Shared between requests: read it, never change it.
/// </summary>
public sealed class SearchMatches
{
    /// <summary>The FTS5 expression these are the matches of (<see cref="SearchQuery.Match"/>).</summary>
    public required string Match { get; init; }

    /// <summary>The matching articles' ids, ascending.</summary>
    public required int[] ArticleIds { get; init; }

    /// <summary>For each of <see cref="ArticleIds"/> (same position), the id of its first matching sentence.</summary>
    public required int[] FirstSentenceIds { get; init; }

    public int Count => ArticleIds.Length;

    /// <summary>Whether these are the matches of <paramref name="text"/> (a filter's search text).</summary>
    public bool AreFor(string text) => SearchQuery.Parse(text).Match == Match;

    /// <summary>The first matching sentence of <paramref name="articleId"/>, or null when it does not match.</summary>
    public int? FirstSentenceOf(int articleId)
    {
        var at = Array.BinarySearch(ArticleIds, articleId);
        return at >= 0 ? FirstSentenceIds[at] : null;
    }
}
