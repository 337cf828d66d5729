using System.Data.Common;
using System.Globalization;
using AleppoDashboard.Data.Filtering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AleppoDashboard.Data.Views.Map;

/// <summary>How often one outlet (by id) names one place, and the first and last publication date of those mentions.</summary>
public sealed record PlaceOutletCount(string PlaceId, int OutletId, int Mentions, DateOnly? First, DateOnly? Last);

/// <summary>
/// A mention that may become a map excerpt: <see cref="ArticleRank"/> 1 is its place and outlet's newest article;
/// within an article, sentences in reading order.
/// </summary>
public sealed record ExcerptCandidate(int MentionId, string PlaceId, int OutletId, long ArticleRank, int SentenceId, int SentenceIndex, int Start);

/// <summary>
/// The map's reads that SQLite aggregates: EF's SQL for the filtered mentions (<see cref="FilterQueries.FilteredMentions"/>,
/// so the shared filter still decides which rows count) wrapped in a GROUP BY or a window function, so that only
/// one row per place and outlet, or the mentions of a few articles per place and outlet, leave the database.
/// (Raw SQL because EF turns MIN/MAX of a date in a group, and top-n per group, into a subquery per group.)
/// </summary>
public static class MapAggregates
{
    /// <summary>Mentions, first and last date per place and outlet.</summary>
    public static Task<List<PlaceOutletCount>> CountsAsync(DashboardDb db, DashboardFilter filter, CancellationToken ct) =>
        QueryAsync(db, db.FilteredMentions(filter).Select(m => new { m.PlaceId, m.Article.OutletId, m.Article.Published }), """
            SELECT "PlaceId", "OutletId", CAST(COUNT(*) AS INTEGER), MIN("Published"), MAX("Published") FROM f GROUP BY "PlaceId", "OutletId"
            """,
            r => new PlaceOutletCount(r.GetString(0), r.GetInt32(1), r.GetInt32(2), Date(r, 3), Date(r, 4)), ct);

    /// <summary>
    /// Per place and outlet, the mentions in its <paramref name="articles"/> newest articles (undated last; ties by
    /// article id): enough for that many excerpts in different sentences.
    /// </summary>
    public static Task<List<ExcerptCandidate>> NewestArticlesPerPlaceAndOutletAsync(DashboardDb db, DashboardFilter filter, int articles, CancellationToken ct) =>
        QueryAsync(db, db.FilteredMentions(filter).Select(m => new
        {
            MentionId = m.Id, m.PlaceId, m.Article.OutletId, m.Article.Published, m.ArticleId, m.SentenceId, m.Start,
        }), $"""
            , ranked AS (
                SELECT *, DENSE_RANK() OVER (
                    PARTITION BY "PlaceId", "OutletId" ORDER BY "Published" IS NULL, "Published" DESC, "ArticleId") AS r
                FROM f)
            SELECT r."MentionId", r."PlaceId", r."OutletId", r.r, r."SentenceId", s."Index", r."Start"
            FROM ranked AS r JOIN sentences AS s ON s."Id" = r."SentenceId"
            WHERE r.r <= {articles.ToString(CultureInfo.InvariantCulture)}
            """,
            r => new ExcerptCandidate(r.GetInt32(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6)), ct);

    /// <summary>Runs "WITH f AS (<paramref name="keys"/>' SQL) <paramref name="rest"/>" in the context's connection and transaction.</summary>
    static async Task<List<T>> QueryAsync<T>(DashboardDb db, IQueryable keys, string rest, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = keys.CreateDbCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"WITH f AS ({command.CommandText})" + (rest.StartsWith(',') ? "" : "\n") + rest;
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(read(reader));
            }
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A date column: text in SQLite, a date on PostgreSQL.</summary>
    static DateOnly? Date(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null
        : r.GetFieldType(i) == typeof(string) ? DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : r.GetFieldValue<DateOnly>(i);
}
