using System.Data.Common;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Facets;

/// <summary>
/// Each article's sentences as one run of ids in reading order (id − index the same for all of them), as an ingest writes
/// an article's sentences in one go. With it a search's matching sentence ids, read from the full-text index alone, give
/// their articles and first matching sentences in memory, instead of SQLite looking up every matching sentence's row and
/// grouping them (a common word matches ~230,000 sentences at 100,000 articles: ~1 s; the index alone ~0.1 s).
/// <see cref="ReadAsync"/> checks every article and gives null if any does not lie so; searches then use SQL.
/// </summary>
public sealed class SentenceRanges
{
    /// <summary>First sentence id of each run, ascending.</summary>
    public required int[] First { get; init; }

    /// <summary>Sentences in the run (same position as <see cref="First"/>).</summary>
    public required int[] Count { get; init; }

    /// <summary>The run's article id.</summary>
    public required int[] ArticleIds { get; init; }

    public static async Task<SentenceRanges?> ReadAsync(DashboardDb db, int[] articleIds, CancellationToken ct)
    {
        var runs = new List<(int First, int Count, int Article)>(articleIds.Length);
        // One pass over the covering (ArticleId, Index) index.
        await using (var command = ArticleFacets.Command(db, """
            SELECT "ArticleId", MIN("Id"), MAX("Id"), CAST(COUNT(*) AS integer), CAST(MIN("Id" - "Index") AS bigint), CAST(MAX("Id" - "Index") AS bigint)
            FROM sentences GROUP BY "ArticleId"
            """))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var (first, last, count) = (reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
                if (last - first + 1 != count || reader.GetInt64(4) != reader.GetInt64(5)) return null;
                runs.Add((first, count, reader.GetInt32(0)));
            }
        }
        runs.Sort((a, b) => a.First.CompareTo(b.First));
        return new SentenceRanges
        {
            First = runs.Select(r => r.First).ToArray(),
            Count = runs.Select(r => r.Count).ToArray(),
            ArticleIds = runs.Select(r => r.Article).ToArray(),
        };
    }

    /// <summary>
    /// The articles whose sentences <paramref name="match"/> (an FTS5 expression; on PostgreSQL the tsquery of
    /// <paramref name="text"/>, the search it was parsed from) finds, with each one's first matching sentence: what
    /// <see cref="SearchMatchCache"/> reads in SQL, from the full-text index's ids alone. Runs in the context's
    /// transaction, which must see the version these ranges were read at.
    /// </summary>
    public async Task<SearchMatches> MatchesAsync(DashboardDb db, string match, string text, CancellationToken ct)
    {
        var firstById = new Dictionary<int, int>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = ArticleFacets.Command(db, "SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH @fts_match");
            if (db.IsPostgres())
            {
                var parameters = new List<DbParameter>();
                command.CommandText = "SELECT \"Id\" FROM sentences WHERE search @@ (" + PostgresSearch.TsQuery(SearchQuery.Parse(text), parameters) + ")";
                command.Parameters.AddRange(parameters.ToArray());
            }
            else
            {
                command.Parameters.Add(new SqliteParameter("@fts_match", match));
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var sentence = reader.GetInt32(0);
                var run = Array.BinarySearch(First, sentence);
                if (run < 0) run = ~run - 1;
                if (run < 0 || sentence >= First[run] + Count[run]) continue; // not a stored sentence
                var article = ArticleIds[run];
                // Ids run in reading order within an article: the lowest id is the first sentence.
                if (!firstById.TryGetValue(article, out var held) || sentence < held) firstById[article] = sentence;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var articles = firstById.Keys.ToArray();
        Array.Sort(articles);
        return new SearchMatches { Match = match, ArticleIds = articles, FirstSentenceIds = articles.Select(a => firstById[a]).ToArray() };
    }
}
