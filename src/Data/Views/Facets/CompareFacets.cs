using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Facets;

/// <summary>
/// What the comparison needs beyond <see cref="ArticleFacets"/>, read on first use per content version (in the same
/// snapshot): each article's framing-term hits per term, for the framing matrix of any filter, and the few (article,
/// place) pairs whose mentions share a sentence, since a place row counts sentences where the map counts mentions.
/// Summing these over a filter's articles replaces SQLite grouping every filtered hit and mention for each new filter
/// (seconds at 100,000 articles: benchmarks/PERFORMANCE.md). Immutable once read.
/// </summary>
public sealed class CompareFacets
{
    /// <summary>The lexicon term ids that have hits, by number.</summary>
    public required string[] TermIds { get; init; }

    /// <summary>One entry per (article, term): the article's position, the term's number and how many hits.</summary>
    public required int[] HitArticle { get; init; }

    public required ushort[] HitTerm { get; init; }

    public required int[] HitCount { get; init; }

    /// <summary>Per (article position, place number) with two mentions in one sentence: mentions minus sentences.</summary>
    public required IReadOnlyDictionary<long, int> ExtraMentions { get; init; }

    public static long PairKey(int article, int place) => ((long)article << 16) | (uint)place;

    /// <summary>How many sentences of the article at <paramref name="article"/> name its <paramref name="k"/>-th place.</summary>
    public int SentencesNaming(ArticleFacets facets, int article, int k) =>
        facets.MentionsOf[k] - (ExtraMentions.Count == 0 ? 0 : ExtraMentions.GetValueOrDefault(PairKey(article, facets.PlaceOf[k])));

    public static async Task<CompareFacets> ReadAsync(DashboardDb db, ArticleFacets articles, CancellationToken ct)
    {
        var terms = new List<string>();
        var termNumbers = new Dictionary<string, ushort>(StringComparer.Ordinal);
        var hitArticle = new List<int>();
        var hitTerm = new List<ushort>();
        var hitCount = new List<int>();
        var places = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < articles.PlaceIds.Length; p++) places[articles.PlaceIds[p]] = p;
        var extra = new Dictionary<long, int>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // The (TermId, ArticleId) index covers this: no hit row is read. Names quoted and COUNT cast (a bigint on
            // PostgreSQL), so that the same statement runs on both providers.
            await using (var command = ArticleFacets.Command(db, """
                SELECT "TermId", "ArticleId", CAST(COUNT(*) AS integer) FROM framing_term_hits GROUP BY "TermId", "ArticleId"
                """))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var at = Array.BinarySearch(articles.Ids, reader.GetInt32(1));
                    if (at < 0) throw new InvalidOperationException("The compare facets were read in another snapshot than the article facets.");
                    var term = reader.GetString(0);
                    if (!termNumbers.TryGetValue(term, out var number))
                    {
                        termNumbers[term] = number = checked((ushort)terms.Count);
                        terms.Add(term);
                    }
                    hitArticle.Add(at);
                    hitTerm.Add(number);
                    hitCount.Add(reader.GetInt32(2));
                }
            }
            // Rare (a place named twice in one sentence), so only those pairs are kept. A sentence has one article:
            // MIN names it in a way PostgreSQL accepts (it is not grouped by).
            await using (var command = ArticleFacets.Command(db, """
                SELECT "PlaceId", MIN("ArticleId"), CAST(COUNT(*) - 1 AS integer) FROM place_mentions
                GROUP BY "SentenceId", "PlaceId" HAVING COUNT(*) > 1
                """))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var at = Array.BinarySearch(articles.Ids, reader.GetInt32(1));
                    if (at < 0 || !places.TryGetValue(reader.GetString(0), out var place))
                        throw new InvalidOperationException("The compare facets were read in another snapshot than the article facets.");
                    var key = PairKey(at, place);
                    extra[key] = extra.GetValueOrDefault(key) + reader.GetInt32(2);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new CompareFacets
        {
            TermIds = [.. terms], HitArticle = [.. hitArticle], HitTerm = [.. hitTerm], HitCount = [.. hitCount], ExtraMentions = extra,
        };
    }
}
