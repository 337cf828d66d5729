using AleppoDashboard.Data.Filtering;
using System.Data.Common;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Compare;

/// <summary>A sentence kept for a cell: its place in the outlet's order (1 = first) and how many the outlet has in all.</summary>
public sealed class RankedSentence
{
    public int SentenceId { get; set; }
    public int ArticleId { get; set; }
    public int OutletId { get; set; }
    public long Rn { get; set; }
    public long Total { get; set; }
}

/// <summary>
/// A topic's sentences per outlet, counted and cut to the first <c>perOutlet</c> in SQL (ROW_NUMBER and COUNT over a
/// window partitioned by outlet), so that a row of the comparison never loads every hit of its topic.
/// Order: date, then article, then sentence (undated last); search results by bm25 rank first.
/// </summary>
public static class RankedSentences
{
    public static async Task<List<RankedSentence>> ForTopicAsync(DashboardDb db, CompareTopic topic, FilteredIds ids, int perOutlet, CancellationToken ct)
    {
        var parameters = new List<DbParameter> { db.Parameter("@per_outlet", perOutlet) };
        var inFilter = "";
        if (ids.Json is { } json)
        {
            parameters.Add(db.Parameter("@article_ids", json));
            inFilter = " AND h.\"ArticleId\" IN (" + db.IdsFromJson("@article_ids") + ")";
        }
        // Identifiers in double quotes: PostgreSQL folds unquoted ones to lower case (ProviderSql).
        var byDate = "a.\"Published\" IS NULL, a.\"Published\", h.\"ArticleId\", s.\"Index\"";
        string hits, order = byDate;
        switch (topic.Kind)
        {
            case CompareTopicKind.Place:
                parameters.Add(db.Parameter("@topic_key", topic.Key!));
                hits = "SELECT DISTINCT h.\"SentenceId\", h.\"ArticleId\", 0.0 AS \"Rank\" FROM place_mentions AS h WHERE h.\"PlaceId\" = @topic_key" + inFilter;
                break;
            case CompareTopicKind.Claims:
                hits = "SELECT DISTINCT h.\"SentenceId\", h.\"ArticleId\", 0.0 AS \"Rank\" FROM control_claims AS h WHERE 1 = 1" + inFilter;
                break;
            case CompareTopicKind.Term:
                parameters.Add(db.Parameter("@topic_key", topic.Key!));
                hits = "SELECT DISTINCT h.\"SentenceId\", h.\"ArticleId\", 0.0 AS \"Rank\" FROM framing_term_hits AS h " +
                       "WHERE h.\"TermId\" IN (SELECT t.\"Id\" FROM framing_terms AS t WHERE t.\"Id\" = @topic_key OR t.\"Group\" = @topic_key)" + inFilter;
                break;
            case CompareTopicKind.Wire:
                // The stored shared-copy map; the caller checks that it is current.
                hits = "SELECT h.\"SentenceId\", h.\"ArticleId\", 0.0 AS \"Rank\" FROM shared_copy_sentences AS h WHERE 1 = 1" + inFilter;
                break;
            case CompareTopicKind.Text:
                var search = SearchQuery.Parse(topic.Key!);
                var match = search.Match
                    ?? throw new ArgumentException("The search text does not parse; validate it with FilterParser first.", nameof(topic));
                if (db.IsPostgres())
                {
                    // ts_rank is higher for a better match; negated so that, as bm25, lower ranks first.
                    var tsquery = PostgresSearch.TsQuery(search, parameters);
                    hits = "SELECT h.\"Id\" AS \"SentenceId\", h.\"ArticleId\", -ts_rank(h.search, q.q) AS \"Rank\" FROM sentences AS h, (SELECT " + tsquery +
                           " AS q) AS q WHERE h.search @@ q.q" + inFilter;
                }
                else
                {
                    parameters.Add(db.Parameter("@fts_match", match));
                    hits = "SELECT h.\"Id\" AS \"SentenceId\", h.\"ArticleId\", bm25(sentence_fts) AS \"Rank\" FROM sentence_fts JOIN sentences AS h ON h.\"Id\" = sentence_fts.rowid " +
                           "WHERE sentence_fts MATCH @fts_match" + inFilter;
                }
                order = "h.\"Rank\", h.\"ArticleId\", s.\"Index\"";
                break;
            default:
                throw new ArgumentException($"{topic.Kind} rows are not ranked in SQL.", nameof(topic));
        }
        var sql = $"""
            SELECT "SentenceId", "ArticleId", "OutletId", "Rn", "Total" FROM (
                SELECT h."SentenceId", h."ArticleId", a."OutletId",
                       ROW_NUMBER() OVER (PARTITION BY a."OutletId" ORDER BY {order}) AS "Rn",
                       COUNT(*) OVER (PARTITION BY a."OutletId") AS "Total"
                FROM ({hits}) AS h JOIN articles AS a ON a."Id" = h."ArticleId" JOIN sentences AS s ON s."Id" = h."SentenceId") AS ranked
            WHERE "Rn" <= @per_outlet
            """;
        return await db.Database.SqlQueryRaw<RankedSentence>(sql, [.. parameters]).ToListAsync(ct);
    }
}
