using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Queries.Compare;

/// <summary>Reads for the side-by-side comparison, all through the shared filter.</summary>
public static class CompareQueries
{
    /// <summary>How many places the default view shows (most-shared first).</summary>
    public const int DefaultPlaceRows = 12;

    /// <summary>
    /// The columns: every outlet with an article in the filter's dates and outlets, plus any outlet the filter
    /// names. The filter's places and search text choose rows, not columns, so that an outlet that never
    /// mentions the place or the words still gets its column and its empty cell.
    /// </summary>
    public static async Task<List<CompareColumn>> CompareColumnsAsync(this DashboardDb db, DashboardFilter filter, CancellationToken ct)
    {
        var summaries = await db.OutletSummariesAsync(filter with { Places = [], Text = null }, ct);
        var columns = summaries.Select(s => new CompareColumn(s.Slug, s.Name, s.Articles, s.First, s.Last, s.Words)).ToList();
        if (filter.Outlets.Count > 0)
        {
            var named = filter.Outlets.ToList();
            var missing = await db.Outlets.AsNoTracking().Where(o => named.Contains(o.Slug)).ToListAsync(ct);
            columns.AddRange(missing.Where(o => columns.All(c => c.Slug != o.Slug)).Select(o => new CompareColumn(o.Slug, o.Name, 0, null, null, 0)));
        }
        return columns;
    }

    /// <summary>The rows a selection asks for, or the default view when it asks for nothing.</summary>
    public static async Task<List<CompareTopic>> CompareTopicsAsync(this DashboardDb db, DashboardFilter filter, CompareSelection selection, CancellationToken ct)
    {
        var topics = new List<CompareTopic>();
        if (filter.Places.Count > 0)
        {
            var wanted = filter.Places.ToList();
            var names = await db.Places.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            topics.AddRange(filter.Places.Select(p => new CompareTopic(CompareTopicKind.Place, p, names.GetValueOrDefault(p, p))));
        }
        if (filter.Text is { } text)
        {
            topics.Add(new(CompareTopicKind.Text, text, "Search: " + text));
        }
        if (selection.Term is { } term)
        {
            var terms = await db.FramingTerms.AsNoTracking().Where(t => t.Id == term || t.Group == term).ToListAsync(ct);
            var single = terms.FirstOrDefault(t => t.Id == term);
            var label = single is not null ? $"Framing term “{single.Label}”" : terms.Count > 0 ? terms[0].GroupLabel : term;
            topics.Add(new(CompareTopicKind.Term, term, label));
        }
        var defaults = topics.Count == 0 && selection.Topic is null;
        if (selection.Topic == "places" || defaults)
        {
            topics.AddRange(await SharedPlacesAsync(db, filter, ct));
        }
        if (selection.Topic == "claims" || defaults)
        {
            topics.Add(new(CompareTopicKind.Claims, null, "Control claims: how much of Aleppo government forces hold"));
        }
        if (selection.Topic == "wire")
        {
            topics.Add(new(CompareTopicKind.Wire, null, "Shared wire copy"));
        }
        return topics;
    }

    /// <summary>Places mentioned by at least two of the filtered outlets, most outlets first, then most mentions.</summary>
    public static async Task<List<CompareTopic>> SharedPlacesAsync(DashboardDb db, DashboardFilter filter, CancellationToken ct)
    {
        var mentions = await db.FilteredMentions(filter)
            .GroupBy(m => new { m.PlaceId, m.Place.Name, m.Article.OutletId })
            .Select(g => new { g.Key.PlaceId, g.Key.Name, g.Key.OutletId, Mentions = g.Count() })
            .ToListAsync(ct);
        return mentions.GroupBy(m => (m.PlaceId, m.Name))
            .Select(g => (g.Key.PlaceId, g.Key.Name, Outlets: g.Count(), Mentions: g.Sum(m => m.Mentions)))
            .Where(p => p.Outlets >= 2)
            .OrderByDescending(p => p.Outlets).ThenByDescending(p => p.Mentions).ThenBy(p => p.Name)
            .Take(DefaultPlaceRows)
            .Select(p => new CompareTopic(CompareTopicKind.Place, p.PlaceId, p.Name))
            .ToList();
    }

    /// <summary>
    /// One row: each outlet's sentences on the topic, in date then text order (search results by rank), and how many
    /// there are. With <paramref name="perCell"/>, a cell keeps only its first sentences and each sentence its first
    /// <paramref name="perCell"/> other copies (the counts stay whole); without it, every sentence and up to
    /// <see cref="SharedCopyDetector.MaxListed"/> copies each. Texts are read for the kept sentences only.
    /// </summary>
    public static async Task<CompareRow> CompareRowAsync(this DashboardDb db, DashboardFilter filter, CompareTopic topic,
        SharedCopies shared, int? perCell, CancellationToken ct)
    {
        // Hits, then articles, then the kept sentences' texts: one state of the database, or a sentence that an ingest
        // deleted in between (an article rewritten) would have no text (a 500 under ConcurrentIngestTests).
        await using var snapshot = await ReadSnapshot.BeginUnlessInTransactionAsync(db, ct);
        var hits = await HitsAsync(db, filter, topic, shared, ct);
        var articleIds = hits.Select(h => h.ArticleId).Distinct().ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => EF.Parameter(articleIds).Contains(a.Id))
            .Select(a => new { a.Id, a.Outlet.Slug, a.Published, a.PublishedPrecision })
            .ToDictionaryAsync(a => a.Id, ct);
        var bySentence = hits.GroupBy(h => h.SentenceId).Select(g => g.ToList()).Where(g => articles.ContainsKey(g[0].ArticleId)).ToList();
        var byOutlet = bySentence.GroupBy(g => articles[g[0].ArticleId].Slug).ToDictionary(g => g.Key, g =>
        {
            var ordered = topic.Kind == CompareTopicKind.Text
                ? g.OrderBy(s => s.Min(h => h.Rank)).ThenBy(s => s[0].ArticleId).ThenBy(s => s[0].Index)
                : g.OrderBy(s => articles[s[0].ArticleId].Published == null).ThenBy(s => articles[s[0].ArticleId].Published)
                    .ThenBy(s => s[0].ArticleId).ThenBy(s => s[0].Index);
            return (Count: g.Count(), Kept: (perCell is { } n ? ordered.Take(n) : ordered).ToList());
        });
        var keptIds = byOutlet.Values.SelectMany(c => c.Kept.Select(s => s[0].SentenceId)).ToList();
        var texts = new Dictionary<int, string>(keptIds.Count);
        foreach (var chunk in keptIds.Chunk(50_000))
        {
            var ids = chunk.ToList();
            foreach (var t in await db.Sentences.AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.Id)).Select(s => new { s.Id, s.Text }).ToListAsync(ct))
            {
                texts[t.Id] = t.Text;
            }
        }
        var copies = perCell ?? SharedCopyDetector.MaxListed;
        var cells = byOutlet.ToDictionary(c => c.Key, c => (IReadOnlyList<CompareSentence>)c.Value.Kept.Where(h => texts.ContainsKey(h[0].SentenceId)).Select(h =>
        {
            var first = h[0];
            var article = articles[first.ArticleId];
            return new CompareSentence(first.SentenceId, first.ArticleId, first.Index, article.Slug, article.Published, article.PublishedPrecision,
                texts[first.SentenceId], h.Where(m => m.Length > 0).Select(m => new CompareMark(m.Start, m.Length, m.Kind, m.Label)).ToList(),
                shared.With(first.SentenceId, copies), shared.CopiesOf(first.SentenceId));
        }).ToList());
        return new CompareRow(topic, cells, byOutlet.ToDictionary(c => c.Key, c => c.Value.Count));
    }

    /// <summary>The ids of the articles the filter selects, for matching against in-memory data.</summary>
    public static async Task<HashSet<int>> FilteredArticleIdsAsync(this DashboardDb db, DashboardFilter filter, CancellationToken ct) =>
        [.. await db.FilteredArticles(filter).Select(a => a.Id).ToListAsync(ct)];

    /// <summary>How many sentences of the filtered articles are shared copy.</summary>
    public static async Task<int> SharedInFilterAsync(this DashboardDb db, DashboardFilter filter, SharedCopies shared, CancellationToken ct)
    {
        if (shared.Count == 0) return 0;
        var articles = await db.FilteredArticleIdsAsync(filter, ct);
        return shared.Sentences.Count(s => articles.Contains(s.ArticleId));
    }

    sealed record Hit(int SentenceId, int ArticleId, int Index, int Start, int Length, string Kind, string Label, double Rank = 0);

    static async Task<List<Hit>> HitsAsync(DashboardDb db, DashboardFilter filter, CompareTopic topic, SharedCopies shared, CancellationToken ct)
    {
        switch (topic.Kind)
        {
            case CompareTopicKind.Place:
                var place = topic.Key;
                return await db.FilteredFacts<PlaceMention>(filter).Where(m => m.PlaceId == place)
                    .Select(m => new Hit(m.SentenceId, m.ArticleId, m.Sentence.Index, m.Start, m.Length, "place", "Place: " + m.Place.Name, 0)).ToListAsync(ct);
            case CompareTopicKind.Claims:
                var claims = await db.FilteredFacts<ControlClaim>(filter).Select(c => new { Claim = c, c.Sentence.Index }).ToListAsync(ct);
                return claims.Select(c => new Hit(c.Claim.SentenceId, c.Claim.ArticleId, c.Index, c.Claim.Start, c.Claim.Length, "claim", FactQueries.ClaimLabel(c.Claim))).ToList();
            case CompareTopicKind.Term:
                var term = topic.Key;
                return await db.FilteredFacts<FramingTermHit>(filter).Where(h => h.TermId == term || h.Term.Group == term)
                    .Select(h => new Hit(h.SentenceId, h.ArticleId, h.Sentence.Index, h.Start, h.Length, "term", "Framing term: " + h.Term.Label, 0)).ToListAsync(ct);
            case CompareTopicKind.Text:
                var found = await db.SearchSentencesAsync(filter, topic.Key!, ct);
                return found.SelectMany(f => f.Marks.Select(m => new Hit(f.SentenceId, f.ArticleId, f.Index, m.Start, m.Length, "hit", "Matches the search", f.Rank))
                    .DefaultIfEmpty(new Hit(f.SentenceId, f.ArticleId, f.Index, 0, 0, "hit", "", f.Rank))).ToList();
            default:
                var articles = await db.FilteredArticleIdsAsync(filter, ct);
                return shared.Sentences.Where(s => articles.Contains(s.ArticleId)).Select(s => new Hit(s.SentenceId, s.ArticleId, s.Index, 0, 0, "shared", "")).ToList();
        }
    }
}
