using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Facets;

/// <summary>
/// The stored shared-copy map summed per article, for the comparison of any filter: how many of each article's sentences
/// are shared copy, and how many of its framing-term hits stand in them, per term. Read on first use per content version,
/// only while the stored map is that version's (the caller checks <see cref="SharedCopyDetection.SharedCopyStore.IsCurrentAsync"/>
/// in the same snapshot). Immutable once read.
/// </summary>
public sealed class SharedCopyFacets
{
    /// <summary>Per article position: its sentences that are shared copy.</summary>
    public required int[] SharedSentences { get; init; }

    public required string[] TermIds { get; init; }

    /// <summary>One entry per (article, term) with hits in shared sentences: the article's position, the term's number, the hits.</summary>
    public required int[] HitArticle { get; init; }

    public required ushort[] HitTerm { get; init; }

    public required int[] HitCount { get; init; }

    public static async Task<SharedCopyFacets> ReadAsync(DashboardDb db, ArticleFacets articles, CancellationToken ct)
    {
        var shared = new int[articles.Count];
        var terms = new List<string>();
        var termNumbers = new Dictionary<string, ushort>(StringComparer.Ordinal);
        var hitArticle = new List<int>();
        var hitTerm = new List<ushort>();
        var hitCount = new List<int>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using (var command = ArticleFacets.Command(db, "SELECT \"ArticleId\", CAST(COUNT(*) AS integer) FROM shared_copy_sentences GROUP BY \"ArticleId\""))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct)) shared[Position(articles, reader.GetInt32(0))] = reader.GetInt32(1);
            }
            await using (var command = ArticleFacets.Command(db, """
                SELECT h."ArticleId", h."TermId", CAST(COUNT(*) AS integer) FROM shared_copy_sentences AS c
                JOIN framing_term_hits AS h ON h."SentenceId" = c."SentenceId"
                GROUP BY h."ArticleId", h."TermId"
                """))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var term = reader.GetString(1);
                    if (!termNumbers.TryGetValue(term, out var number))
                    {
                        termNumbers[term] = number = checked((ushort)terms.Count);
                        terms.Add(term);
                    }
                    hitArticle.Add(Position(articles, reader.GetInt32(0)));
                    hitTerm.Add(number);
                    hitCount.Add(reader.GetInt32(2));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new SharedCopyFacets
        {
            SharedSentences = shared, TermIds = [.. terms], HitArticle = [.. hitArticle], HitTerm = [.. hitTerm], HitCount = [.. hitCount],
        };
    }

    static int Position(ArticleFacets articles, int articleId)
    {
        var at = Array.BinarySearch(articles.Ids, articleId);
        return at >= 0 ? at : throw new InvalidOperationException("The shared-copy facets were read in another snapshot than the article facets.");
    }
}
