using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Filtering;

/// <summary>The one place a <see cref="DashboardFilter"/> becomes a query. Every page and export starts here.</summary>
public static class FilterQueries
{
    /// <summary>Articles the filter selects (no tracking).</summary>
    public static IQueryable<Article> FilteredArticles(this DashboardDb db, DashboardFilter filter)
    {
        var matches = filter.Text is { } searched && filter.Matches is { } held && held.AreFor(searched) ? held : null;
        var articles = matches is not null && db.IsPostgres() ? JoinedWithMatches(db, matches) : db.Articles.AsNoTracking();
        if (filter.From is { } from)
        {
            articles = articles.Where(a => a.Published >= from);
        }
        if (filter.To is { } to)
        {
            articles = articles.Where(a => a.Published <= to);
        }
        if (filter.Outlets.Count > 0)
        {
            var outlets = filter.Outlets.ToList();
            articles = articles.Where(a => outlets.Contains(a.Outlet.Slug));
        }
        if (filter.Languages.Count > 0)
        {
            var languages = filter.Languages.ToList();
            articles = articles.Where(a => a.Language != null && languages.Contains(a.Language));
        }
        if (filter.Places.Count > 0)
        {
            var places = filter.Places.ToList();
            articles = articles.Where(a => db.PlaceMentions.Any(m => m.ArticleId == a.Id && places.Contains(m.PlaceId)));
        }
        if (filter.Text is { } text && matches is null)
        {
            articles = articles.Where(a => db.MatchingSentences(text).Any(s => s.ArticleId == a.Id));
        }
        else if (matches is not null && !db.IsPostgres())
        {
            articles = MatchedArticles(articles, matches);
        }
        return articles;
    }

    /// <summary>
    /// Above this many matched articles their ids are tested while SQLite reads an index of articles, below it
    /// each is looked up by primary key.
    /// </summary>
    public const int MatchLookupLimit = 2_000;

    /// <summary>
    /// The articles among <paramref name="matches"/>, as one JSON parameter. "Id + 0" keeps SQLite from looking up
    /// each of a long list by primary key (a read of the whole, wide article row each); it then scans a narrow index and
    /// tests each id against the list instead, an order of magnitude faster (benchmarks/PERFORMANCE.md).
    /// </summary>
    static IQueryable<Article> MatchedArticles(IQueryable<Article> articles, SearchMatches matches)
    {
        var ids = matches.ArticleIds;
        return ids.Length <= MatchLookupLimit
            ? articles.Where(a => EF.Parameter(ids).Contains(a.Id))
            : articles.Where(a => EF.Parameter(ids).Contains(a.Id + 0));
    }

    /// <summary>
    /// PostgreSQL: the articles among <paramref name="matches"/>, joined with the ids as a set (<c>JOIN unnest(@ids)</c>,
    /// which the planner sizes by the array's length and hashes). Not <c>"Id" = ANY(@ids)</c>: for that the planner
    /// estimates each element in turn, for each index it considers (30-55 ms of planning per query for a common word's
    /// ids, against under 1 ms for the join; benchmarks/PERFORMANCE.md, 2026-12-08); not <c>"Id" IN (SELECT unnest(@ids))</c>
    /// either, which it plans as one primary-key lookup per id. The ids are distinct, so the join repeats no article.
    /// The join is the query's source, in raw SQL: EF's own join with a parameter (<c>unnest(@ids) AS i(value)</c>)
    /// fails in CreateDbCommand, which the exports' cursor uses.
    /// </summary>
    static IQueryable<Article> JoinedWithMatches(DashboardDb db, SearchMatches matches) =>
        db.Articles.FromSqlRaw(
            "SELECT a.* FROM articles AS a JOIN unnest(@matched_article_ids) AS m(id) ON a.\"Id\" = m.id",
            new Npgsql.NpgsqlParameter("matched_article_ids", matches.ArticleIds)).AsNoTracking();

    /// <summary>Sentences that match a full-text search (FTS5), in no particular order.</summary>
    public static IQueryable<Sentence> MatchingSentences(this DashboardDb db, string text)
    {
        var match = SearchQuery.Parse(text).Match
            ?? throw new ArgumentException("The search text does not parse; validate it with FilterParser first.", nameof(text));
        if (db.IsPostgres())
        {
            var parameters = new List<System.Data.Common.DbParameter>();
            var tsquery = PostgresSearch.TsQuery(SearchQuery.Parse(text), parameters);
            // Only operators and parameter names are put into the text; the words go as parameters.
            var sql = "SELECT s.* FROM sentences AS s WHERE s.search @@ (" + tsquery + ")";
            return db.Sentences.FromSqlRaw(sql, [.. parameters]).AsNoTracking();
        }
        // A named parameter: EF names its own (LIMIT, OFFSET) p0, p1…, which a positional {match} could collide with.
        return db.Sentences.FromSqlRaw(
            "SELECT s.* FROM sentences AS s WHERE s.Id IN (SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH @fts_match)",
            new Microsoft.Data.Sqlite.SqliteParameter("@fts_match", match))
            .AsNoTracking();
    }

    /// <summary>Facts of type <typeparamref name="T"/> in the articles the filter selects.</summary>
    public static IQueryable<T> FilteredFacts<T>(this DashboardDb db, DashboardFilter filter) where T : SentenceSpan
    {
        var articles = db.FilteredArticles(filter).Select(a => a.Id);
        return db.Set<T>().AsNoTracking().Where(f => articles.Contains(f.ArticleId));
    }

    /// <summary>Place mentions of the selected articles, restricted to the filter's places when it names any.</summary>
    public static IQueryable<PlaceMention> FilteredMentions(this DashboardDb db, DashboardFilter filter)
    {
        var mentions = db.FilteredFacts<PlaceMention>(filter);
        if (filter.Places.Count > 0)
        {
            var places = filter.Places.ToList();
            mentions = mentions.Where(m => places.Contains(m.PlaceId));
        }
        return mentions;
    }
}
