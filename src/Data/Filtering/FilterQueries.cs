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
        var articles = db.Articles.AsNoTracking();
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
        if (filter.Text is { } text)
        {
            articles = filter.Matches is { } matches && matches.AreFor(text)
                ? MatchedArticles(articles, matches, db.IsPostgres())
                : articles.Where(a => db.MatchingSentences(text).Any(s => s.ArticleId == a.Id));
        }
        return articles;
    }

    /// <summary>
    /// Above this many matched articles their ids are tested while SQLite reads an index of articles, below it
    /// each is looked up by primary key.
    /// </summary>
    public const int MatchLookupLimit = 2_000;

    /// <summary>
    /// The articles among <paramref name="matches"/>, as one array parameter. SQLite: "Id + 0" keeps it from looking up
    /// each of a long list by primary key (a read of the whole, wide article row each); it then scans a narrow index and
    /// tests each id against the list instead, an order of magnitude faster (benchmarks/PERFORMANCE.md).
    /// PostgreSQL: the ids are joined as a set (<c>CROSS JOIN unnest(@ids) WHERE "Id" = value</c>, which its planner
    /// makes a join, sized by the array's length), not tested as <c>"Id" = ANY(@ids)</c>: for that, the planner
    /// estimates each element of the array in turn, for every index it considers, which for a common word's
    /// 50,000 ids took longer than running the query (the ids are distinct, so the join repeats no article).
    /// </summary>
    static IQueryable<Article> MatchedArticles(IQueryable<Article> articles, SearchMatches matches, bool postgres)
    {
        var ids = matches.ArticleIds;
        if (postgres) return articles.SelectMany(a => EF.Parameter(ids).Where(id => id == a.Id), (a, id) => a);
        return ids.Length <= MatchLookupLimit
            ? articles.Where(a => EF.Parameter(ids).Contains(a.Id))
            : articles.Where(a => EF.Parameter(ids).Contains(a.Id + 0));
    }

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
