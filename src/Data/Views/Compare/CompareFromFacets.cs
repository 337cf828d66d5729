using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.Views.Articles;
using AleppoDashboard.Data.Views.Facets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Compare;

/// <summary>
/// The comparison summed over the in-memory facets of a <see cref="CompareScope"/>: the same results as the SQL of
/// <see cref="CompareQueries"/>, <see cref="RankedSentences"/> and <see cref="FramingMatrixQueries"/> (CompareFacetTests
/// compare the two), without SQLite grouping every filtered hit, mention and claim for each new filter. Only the sentences
/// a cell keeps are then read from SQLite, by id.
/// </summary>
public static class CompareFromFacets
{
    /// <summary>Per-outlet counts, date ranges and words of the selected articles, most articles first (as <see cref="ArticleQueries.OutletSummariesAsync"/>).</summary>
    public static async Task<List<OutletSummary>> OutletSummariesAsync(DashboardDb db, ArticleFacets facets, int[] positions, CancellationToken ct)
    {
        var groups = new Dictionary<int, (int Articles, int First, int Last, int Words)>();
        foreach (var p in positions)
        {
            var outlet = facets.OutletIds[p];
            var date = facets.Published[p];
            var (articles, first, last, words) = groups.GetValueOrDefault(outlet, (0, ArticleFacets.Undated, ArticleFacets.Undated, 0));
            if (date != ArticleFacets.Undated)
            {
                first = first == ArticleFacets.Undated ? date : Math.Min(first, date);
                last = last == ArticleFacets.Undated ? date : Math.Max(last, date);
            }
            groups[outlet] = (articles + 1, first, last, words + facets.Words[p]);
        }
        var outlets = await db.Outlets.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        return groups
            .Select(g => new OutletSummary(outlets[g.Key].Slug, outlets[g.Key].Name, g.Value.Articles,
                ArticleFacets.Date(g.Value.First), ArticleFacets.Date(g.Value.Last), g.Value.Words))
            .OrderByDescending(o => o.Articles).ThenBy(o => o.Name)
            .ToList();
    }

    /// <summary>Mentions per (place, outlet id) in the selected articles, of the filter's places when it names any.</summary>
    public static Dictionary<(string PlaceId, int OutletId), int> MentionsByPlaceAndOutlet(CompareScope scope)
    {
        var facets = scope.Facets!;
        var places = scope.Filter.Places;
        var counts = new Dictionary<(string, int), int>();
        foreach (var p in scope.Positions!)
        {
            for (var k = facets.PlaceStart[p]; k < facets.PlaceStart[p + 1]; k++)
            {
                var place = facets.PlaceIds[facets.PlaceOf[k]];
                if (places.Count > 0 && !places.Contains(place)) continue;
                var key = (place, facets.OutletIds[p]);
                counts[key] = counts.GetValueOrDefault(key) + facets.MentionsOf[k];
            }
        }
        return counts;
    }

    /// <summary>
    /// The claims row: every claim of the selected articles in the claim facets' order, which within one outlet is date,
    /// article, sentence (the row's order); each sentence once, numbered per outlet; the first <paramref name="perOutlet"/> kept.
    /// </summary>
    public static async Task<List<RankedSentence>> ClaimsAsync(DashboardDb db, CompareScope scope, int perOutlet, CancellationToken ct)
    {
        var facets = scope.Facets!;
        var claims = await scope.Cache!.GetClaimsAsync(db, facets, ct);
        var selected = scope.Selected!;
        var seen = new Dictionary<int, (int Count, int LastSentence)>();
        var kept = new List<RankedSentence>();
        for (var i = 0; i < claims.ClaimIds.Length; i++)
        {
            var p = claims.Articles[i];
            if (!selected[p]) continue;
            var outlet = facets.OutletIds[p];
            var sentence = claims.SentenceIds[i];
            var (count, last) = seen.GetValueOrDefault(outlet, (0, 0));
            // One outlet's claims of one sentence stand together (ordered by article, then sentence).
            if (count > 0 && last == sentence) continue;
            seen[outlet] = (count + 1, sentence);
            if (count < perOutlet) kept.Add(new RankedSentence { SentenceId = sentence, ArticleId = facets.Ids[p], OutletId = outlet, Rn = count + 1 });
        }
        foreach (var k in kept) k.Total = seen[k.OutletId].Count;
        return kept;
    }

    /// <summary>
    /// A place row: each outlet's sentences naming the place, counted from the facets; the articles that hold an outlet's
    /// first <paramref name="perOutlet"/> sentences (in date order) chosen in memory, and only their sentences read.
    /// </summary>
    public static async Task<List<RankedSentence>> PlaceAsync(DashboardDb db, CompareScope scope, string placeId, int perOutlet, CancellationToken ct)
    {
        var facets = scope.Facets!;
        var place = Array.IndexOf(facets.PlaceIds, placeId);
        if (place < 0) return [];
        var compare = await scope.Cache!.GetCompareAsync(db, facets, ct);
        var selected = scope.Selected!;
        var totals = new Dictionary<int, int>();
        var candidates = new List<int>();
        foreach (var p in facets.DateOrder)
        {
            if (!selected[p]) continue;
            for (var k = facets.PlaceStart[p]; k < facets.PlaceStart[p + 1]; k++)
            {
                if (facets.PlaceOf[k] != place) continue;
                var outlet = facets.OutletIds[p];
                var before = totals.GetValueOrDefault(outlet);
                if (before < perOutlet) candidates.Add(facets.Ids[p]);
                totals[outlet] = before + compare.SentencesNaming(facets, p, k);
                break;
            }
        }
        if (candidates.Count == 0) return [];
        var rows = new List<(int ArticleId, int SentenceId, int Index)>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = ArticleFacets.Command(db, $"""
                SELECT DISTINCT m."ArticleId", m."SentenceId", s."Index" FROM place_mentions AS m JOIN sentences AS s ON s."Id" = m."SentenceId"
                WHERE m."PlaceId" = @place AND m."ArticleId" IN ({db.IdsFromJson("@article_ids")})
                """);
            command.Parameters.Add(db.Parameter("@place", placeId));
            command.Parameters.Add(db.Parameter("@article_ids", "[" + string.Join(',', candidates) + "]"));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var rank = new Dictionary<int, int>(candidates.Count);
        for (var r = 0; r < candidates.Count; r++) rank[candidates[r]] = r;
        return Number(rows.OrderBy(r => rank[r.ArticleId]).ThenBy(r => r.Index)
            .Select(r => (r.SentenceId, r.ArticleId, facets.OutletIds[Array.BinarySearch(facets.Ids, r.ArticleId)])), totals, perOutlet);
    }

    /// <summary>
    /// A search row: the matching sentences with their bm25 rank, from the full-text index alone, placed in their articles
    /// by the facets' sentence runs (ids in reading order, so id order is sentence order); null when the runs are not known.
    /// </summary>
    public static async Task<List<RankedSentence>?> SearchAsync(DashboardDb db, CompareScope scope, string text, int perOutlet, CancellationToken ct)
    {
        var facets = scope.Facets!;
        if (facets.Sentences is not { } runs) return null;
        var search = SearchQuery.Parse(text);
        var match = search.Match
            ?? throw new ArgumentException("The search text does not parse; validate it with FilterParser first.", nameof(text));
        var selected = scope.Selected!;
        var hits = new List<(double Rank, int ArticleId, int SentenceId, int OutletId)>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = ArticleFacets.Command(db, "SELECT rowid, bm25(sentence_fts) FROM sentence_fts WHERE sentence_fts MATCH @fts_match");
            if (db.IsPostgres())
            {
                // The full-text search differs by provider (as in RankedSentences): ts_rank negated, so that lower ranks first as bm25.
                var parameters = new List<System.Data.Common.DbParameter>();
                command.CommandText = "SELECT \"Id\", CAST(-ts_rank(search, q.q) AS double precision) FROM sentences, (SELECT " +
                    PostgresSearch.TsQuery(search, parameters) + " AS q) AS q WHERE search @@ q.q";
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
                var run = Array.BinarySearch(runs.First, sentence);
                if (run < 0) run = ~run - 1;
                if (run < 0 || sentence >= runs.First[run] + runs.Count[run]) continue; // not a stored sentence
                var p = Array.BinarySearch(facets.Ids, runs.ArticleIds[run]);
                if (p < 0 || !selected[p]) continue;
                hits.Add((reader.GetDouble(1), facets.Ids[p], sentence, facets.OutletIds[p]));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var totals = hits.GroupBy(h => h.OutletId).ToDictionary(g => g.Key, g => g.Count());
        // Each outlet's best perOutlet only (a common word matches hundreds of thousands): a heap that drops its worst.
        var best = new Dictionary<int, PriorityQueue<(double Rank, int ArticleId, int SentenceId, int OutletId), (double, int, int)>>();
        foreach (var h in hits)
        {
            if (!best.TryGetValue(h.OutletId, out var heap)) best[h.OutletId] = heap = new(Worst);
            var key = (h.Rank, h.ArticleId, h.SentenceId);
            if (heap.Count < perOutlet) heap.Enqueue(h, key);
            else if (heap.Count > 0 && heap.TryPeek(out _, out var worst) && Worst.Compare(key, worst) > 0) heap.DequeueEnqueue(h, key);
        }
        return Number(best.Values.SelectMany(heap => heap.UnorderedItems.Select(i => i.Element))
            .OrderBy(h => h.Rank).ThenBy(h => h.ArticleId).ThenBy(h => h.SentenceId)
            .Select(h => (h.SentenceId, h.ArticleId, h.OutletId)), totals, perOutlet);
    }

    /// <summary>Rank, then article, then sentence, reversed: the heap's top is the worst kept.</summary>
    static readonly Comparer<(double Rank, int ArticleId, int SentenceId)> Worst = Comparer<(double Rank, int ArticleId, int SentenceId)>.Create((a, b) => b.CompareTo(a));

    /// <summary>Numbers sentences per outlet in the order given, keeps the first <paramref name="perOutlet"/> of each, with the outlet's total.</summary>
    static List<RankedSentence> Number(IEnumerable<(int SentenceId, int ArticleId, int OutletId)> ordered, Dictionary<int, int> totals, int perOutlet)
    {
        var numbered = new Dictionary<int, int>();
        var kept = new List<RankedSentence>();
        foreach (var (sentence, article, outlet) in ordered)
        {
            var rn = numbered.GetValueOrDefault(outlet) + 1;
            numbered[outlet] = rn;
            if (rn <= perOutlet) kept.Add(new RankedSentence { SentenceId = sentence, ArticleId = article, OutletId = outlet, Rn = rn, Total = totals[outlet] });
        }
        return kept;
    }

    /// <summary>The framing matrix of the selected articles (as <see cref="FramingMatrixQueries.FramingMatrixAsync"/>), with shared hits when <paramref name="copies"/>.</summary>
    public static async Task<FilterMatrix> MatrixAsync(DashboardDb db, CompareScope scope, bool copies, CancellationToken ct)
    {
        var facets = scope.Facets!;
        var selected = scope.Selected!;
        var compare = await scope.Cache!.GetCompareAsync(db, facets, ct);
        var shared = copies ? await scope.Cache.GetSharedAsync(db, facets, ct) : null;
        var terms = await db.FramingTerms.AsNoTracking().OrderBy(t => t.GroupLabel).ThenBy(t => t.Label).ToListAsync(ct);
        var slugs = await db.Outlets.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Slug, ct);
        var words = new Dictionary<int, long>();
        foreach (var p in scope.Positions!) words[facets.OutletIds[p]] = words.GetValueOrDefault(facets.OutletIds[p]) + facets.Words[p];
        var hits = Sum(compare.TermIds, compare.HitArticle, compare.HitTerm, compare.HitCount, selected, facets);
        var sharedHits = shared is null ? [] : Sum(shared.TermIds, shared.HitArticle, shared.HitTerm, shared.HitCount, selected, facets);
        var sharedIn = 0;
        if (shared is not null)
        {
            foreach (var p in scope.Positions!) sharedIn += shared.SharedSentences[p];
        }
        var matrix = terms.Select(t => new FramingMatrixRow(t.Id, t.Label, t.Group, t.GroupLabel, t.Variants,
                hits.Where(h => h.Key.TermId == t.Id).OrderBy(h => h.Key.OutletId).ToDictionary(h => slugs[h.Key.OutletId], h => new FramingCell(
                    h.Value,
                    sharedHits.GetValueOrDefault(h.Key),
                    words.GetValueOrDefault(h.Key.OutletId) is > 0 and var w ? h.Value * 1000.0 / w : 0))))
            .ToList();
        return new(matrix, sharedIn);
    }

    static Dictionary<(string TermId, int OutletId), int> Sum(string[] termIds, int[] articles, ushort[] termOf, int[] counts, bool[] selected, ArticleFacets facets)
    {
        var sums = new int[termIds.Length, facets.OutletIds.Length == 0 ? 1 : facets.OutletIds.Max() + 1];
        for (var e = 0; e < articles.Length; e++)
        {
            if (selected[articles[e]]) sums[termOf[e], facets.OutletIds[articles[e]]] += counts[e];
        }
        var result = new Dictionary<(string, int), int>();
        for (var t = 0; t < sums.GetLength(0); t++)
        {
            for (var o = 0; o < sums.GetLength(1); o++)
            {
                if (sums[t, o] > 0) result[(termIds[t], o)] = sums[t, o];
            }
        }
        return result;
    }
}
