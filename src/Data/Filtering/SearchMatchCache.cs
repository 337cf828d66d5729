using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.Views.Facets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AleppoDashboard.Data.Filtering;

/// <summary>
/// <see cref="SearchMatches"/> per search (its FTS5 expression), kept until the content version moves: the match is
/// read from the FTS index once, and every view of any filter with that search (the count, the rows, the facts, the
/// snippets) selects those ids instead of evaluating the match again (a common search matches a large share of the
/// sentences, and evaluating it is the slow part of a searched view). Bounded: at most <see cref="MaxSearches"/> searches and
/// <see cref="MaxHeldArticles"/> matched articles in all (8 bytes each). Register as a singleton.
/// </summary>
/// With <paramref name="facets"/>, the matches are read from the full-text index alone and placed by the facets'
/// <see cref="SentenceRanges"/> (same result; faster for a common word).
public sealed class SearchMatchCache(
    int maxSearches = SearchMatchCache.MaxSearches, int maxHeldArticles = SearchMatchCache.MaxHeldArticles, ArticleFacetsCache? facets = null)
{
    public const int MaxSearches = 16;
    public const int MaxHeldArticles = 2_000_000;

    readonly ContentVersionCache<SearchMatches> searches = new(maxSearches, m => m.Count, maxHeldArticles);

    /// <summary>
    /// <paramref name="filter"/> with <see cref="DashboardFilter.Matches"/> set for the current content version (as
    /// seen by <paramref name="db"/>'s snapshot, if it runs in one), or as it is when it has no search.
    /// </summary>
    public async Task<DashboardFilter> WithMatchesAsync(DashboardDb db, DashboardFilter filter, CancellationToken ct)
    {
        if (filter.Text is null || SearchQuery.Parse(filter.Text).Match is not { } match) return filter;
        return filter with { Matches = await searches.GetAsync(db, match, () => ReadAsync(db, match, filter.Text, ct), ct) };
    }

    /// <summary>Per matching article (ascending), its matching sentence with the lowest index: one pass over the FTS hits.</summary>
    async Task<SearchMatches> ReadAsync(DashboardDb db, string match, string text, CancellationToken ct)
    {
        if (facets is not null && (await facets.GetAsync(db, ct)).Sentences is { } ranges)
            return await ranges.MatchesAsync(db, match, text, ct);
        return await ReadInSqlAsync(db, match, text, ct);
    }

    internal static async Task<SearchMatches> ReadInSqlAsync(DashboardDb db, string match, string text, CancellationToken ct)
    {
        var articles = new List<int>();
        var sentences = new List<int>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            // SQLite: with one MIN() the other bare columns come from the row that holds the minimum.
            command.CommandText = """
                SELECT s.ArticleId, s.Id, MIN(s."Index") FROM sentences AS s
                WHERE s.Id IN (SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH @fts_match)
                GROUP BY s.ArticleId ORDER BY s.ArticleId
                """;
            if (db.IsPostgres())
            {
                // The first matching sentence of each article: DISTINCT ON keeps the first row of each article in this order.
                var parameters = new List<System.Data.Common.DbParameter>();
                var tsquery = PostgresSearch.TsQuery(SearchQuery.Parse(text), parameters);
                command.CommandText = "SELECT DISTINCT ON (s.\"ArticleId\") s.\"ArticleId\", s.\"Id\" FROM sentences AS s " +
                    "WHERE s.search @@ (" + tsquery + ") ORDER BY s.\"ArticleId\", s.\"Index\"";
                command.Parameters.AddRange(parameters.ToArray());
            }
            else
            {
                command.Parameters.Add(new SqliteParameter("@fts_match", match));
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                articles.Add(reader.GetInt32(0));
                sentences.Add(reader.GetInt32(1));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new SearchMatches { Match = match, ArticleIds = articles.ToArray(), FirstSentenceIds = sentences.ToArray() };
    }
}
