using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.SharedCopyDetection;
using AleppoDashboard.Data.Views.Articles;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Compare;

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
    public static async Task<List<CompareColumn>> CompareColumnsAsync(this DashboardDb db, DashboardFilter filter, CompareScope scope, CancellationToken ct)
    {
        var unnarrowed = filter with { Places = [], Text = null, Matches = null };
        var summaries = scope.Facets is { } facets
            ? await CompareFromFacets.OutletSummariesAsync(db, facets, facets.Select(unnarrowed), ct)
            : await db.OutletSummariesAsync(unnarrowed, ct);
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
    public static async Task<List<CompareTopic>> CompareTopicsAsync(this DashboardDb db, DashboardFilter filter, CompareSelection selection, CompareScope scope, CancellationToken ct)
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
            // A search for a framing term's word gets the term's own row beside it: the search counts sentences with the
            // word as written, the term every form the lexicon lists (rebels: also rebel, rebel-held), so the reader sees both.
            if (selection.Term is null && await TermOfSearchAsync(db, text, ct) is { } same)
            {
                topics.Add(new(CompareTopicKind.Term, same.Id, $"Framing term “{same.Label}” (every form)"));
            }
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
            topics.AddRange(await SharedPlacesAsync(db, filter, scope, ct));
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

    /// <summary>The lexicon term whose id, label or one of whose forms is the whole search text (quotes and a trailing * aside).</summary>
    static async Task<Reference.FramingTerm?> TermOfSearchAsync(DashboardDb db, string text, CancellationToken ct)
    {
        var word = text.Trim().Trim('"').TrimEnd('*').Trim();
        if (word.Length == 0) return null;
        var terms = await db.FramingTerms.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        return terms.FirstOrDefault(t => t.Id.Equals(word, StringComparison.OrdinalIgnoreCase) || t.Label.Equals(word, StringComparison.OrdinalIgnoreCase)
            || t.Variants.Split('|').Any(v => v.Equals(word, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Places mentioned by at least two of the filtered outlets, most outlets first, then most mentions.</summary>
    public static async Task<List<CompareTopic>> SharedPlacesAsync(DashboardDb db, DashboardFilter filter, CompareScope scope, CancellationToken ct)
    {
        var mentions = scope.Facets is not null
            ? await NamedAsync(db, CompareFromFacets.MentionsByPlaceAndOutlet(scope), ct)
            : await db.FilteredMentions(filter)
                .GroupBy(m => new { m.PlaceId, m.Place.Name, m.Article.OutletId })
                .Select(g => new PlaceOutletMentions(g.Key.PlaceId, g.Key.Name, g.Key.OutletId, g.Count()))
                .ToListAsync(ct);
        return mentions.GroupBy(m => (m.PlaceId, m.Name))
            .Select(g => (g.Key.PlaceId, g.Key.Name, Outlets: g.Count(), Mentions: g.Sum(m => m.Mentions)))
            .Where(p => p.Outlets >= 2)
            .OrderByDescending(p => p.Outlets).ThenByDescending(p => p.Mentions).ThenBy(p => p.Name)
            .Take(DefaultPlaceRows)
            .Select(p => new CompareTopic(CompareTopicKind.Place, p.PlaceId, p.Name))
            .ToList();
    }

    sealed record PlaceOutletMentions(string PlaceId, string Name, int OutletId, int Mentions);

    static async Task<List<PlaceOutletMentions>> NamedAsync(DashboardDb db, Dictionary<(string PlaceId, int OutletId), int> counts, CancellationToken ct)
    {
        var names = await db.Places.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return counts.Select(c => new PlaceOutletMentions(c.Key.PlaceId, names[c.Key.PlaceId], c.Key.OutletId, c.Value)).ToList();
    }

    /// <summary>
    /// One row: each outlet's sentences on the topic, in date then text order (search results by rank), and how many
    /// there are. With <paramref name="perCell"/>, a cell keeps only its first sentences and each sentence its first
    /// <paramref name="perCell"/> other copies (the counts stay whole); without it, every sentence and up to
    /// <see cref="SharedCopyDetector.MaxListed"/> copies each. The counting and cutting happen in SQL
    /// (<see cref="RankedSentences"/>); texts, dates, marks and copies are read for the kept sentences only.
    /// </summary>
    /// <param name="copies">
    /// Whether the stored shared-copy map is current (<see cref="SharedCopyStore.IsCurrentAsync"/>): without it the
    /// sentences carry no copies, and a wire row cannot be read.
    /// </param>
    /// <param name="listCopies">
    /// False leaves each sentence's <see cref="CompareSentence.SharedWith"/> empty (its count is still set): the CSV export
    /// lists them batch by batch as it writes, instead of holding up to 50 per sentence for a whole topic.
    /// </param>
    /// <param name="origins">
    /// Count origins, not copies (<c>origins=1</c>, with <paramref name="copies"/>): each cell keeps the first sentence of each
    /// origin and counts origins; every sentence of the topic is ranked for it, not only a cell's first.
    /// </param>
    /// <param name="lister">Lists the copies (its own number of them), shared by the rows of one view so that a text is read once.</param>
    /// <param name="scope">The comparison's articles, opened in the snapshot the caller reads in (one state of the data).</param>
    public static async Task<CompareRow> CompareRowAsync(this DashboardDb db, CompareTopic topic, CompareScope scope,
        bool copies, int? perCell, CancellationToken ct, bool listCopies = true, bool origins = false, SharedCopyLister? lister = null)
    {
        // Ranks, then the kept sentences' texts and marks: one state of the database, or a sentence that an ingest
        // deleted in between (an article rewritten) would have no text (a 500 under ConcurrentIngestTests).
        await using var snapshot = await ReadSnapshot.BeginUnlessInTransactionAsync(db, ct);
        var plan = await PlanRowAsync(db, topic, scope, copies, perCell, origins, ct);
        var read = await plan.ReadAsync(db, plan.Kept, copies
            ? lister ?? new SharedCopyLister(listCopies ? perCell ?? SharedCopyDetector.MaxListed : 0)
            : null, ct);
        var byOutlet = plan.Kept.GroupBy(k => plan.Slugs[k.OutletId]).ToList();
        var cells = byOutlet.ToDictionary(g => g.Key, g => (IReadOnlyList<CompareSentence>)g.OrderBy(k => k.Rn)
            .Where(k => read.ContainsKey(k.SentenceId)).Select(k => read[k.SentenceId]).ToList());
        return new CompareRow(topic, cells, byOutlet.ToDictionary(g => g.Key, g => (int)g.First().Total))
        {
            Origins = plan.Collapsed?.Origins,
            Sentences = plan.Collapsed?.Sentences,
        };
    }

    /// <summary>
    /// A row's sentences ranked, cut and (counting origins) collapsed, before any text is read: what the page and the CSV
    /// both start from. The CSV then reads the kept sentences a batch at a time (<see cref="RowPlan.ReadAsync"/>), so its
    /// first line does not wait for every sentence of the row. Call inside the caller's snapshot.
    /// </summary>
    public static async Task<RowPlan> PlanRowAsync(DashboardDb db, CompareTopic topic, CompareScope scope, bool copies, int? perCell, bool origins, CancellationToken ct)
    {
        var counting = origins && copies;
        var kept = await RankAsync(db, topic, scope, counting ? int.MaxValue : perCell ?? int.MaxValue, ct);
        var collapsed = counting ? await RowOrigins.CollapseAsync(db, kept, perCell ?? int.MaxValue, ct) : null;
        if (collapsed is not null) kept = collapsed.Kept;
        var slugs = await db.Outlets.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Slug, ct);
        return new RowPlan(topic, kept, collapsed, slugs);
    }

    /// <summary>A planned row: its kept sentences (with each outlet's rank and total), origins when counting them, outlet slugs by id.</summary>
    public sealed record RowPlan(CompareTopic Topic, List<RankedSentence> Kept, RowOrigins? Collapsed, Dictionary<int, string> Slugs)
    {
        /// <summary>
        /// The texts, dates, marks and (through <paramref name="lister"/>, when the shared-copy map is current; else
        /// none) copies of <paramref name="some"/> of the kept sentences, by sentence id. A sentence an ingest removed is
        /// absent (the caller reads in one snapshot, so there is none).
        /// </summary>
        public async Task<Dictionary<int, CompareSentence>> ReadAsync(DashboardDb db, IReadOnlyCollection<RankedSentence> some, SharedCopyLister? lister, CancellationToken ct)
        {
            var sentenceIds = some.Select(k => k.SentenceId).ToList();
            var articleIds = some.Select(k => k.ArticleId).Distinct().ToList();
            var articles = await db.Articles.AsNoTracking().Where(a => EF.Parameter(articleIds).Contains(a.Id))
                .Select(a => new { a.Id, a.Published, a.PublishedPrecision }).ToDictionaryAsync(a => a.Id, ct);
            var sentences = await db.Sentences.AsNoTracking().Where(s => EF.Parameter(sentenceIds).Contains(s.Id))
                .Select(s => new { s.Id, s.Index, s.Text, s.Paragraph }).ToDictionaryAsync(s => s.Id, ct);
            var marks = (await MarksAsync(db, Topic, sentenceIds, ct)).ToLookup(m => m.SentenceId);
            var copiesOf = lister is null ? [] : await lister.CopiesAsync(db, sentenceIds, ct);
            var copyIds = copiesOf.Values.SelectMany(c => c.With).Select(w => w.SentenceId).Distinct().ToList();
            var copyPlaces = copyIds.Count == 0 ? [] : await db.Sentences.AsNoTracking().Where(s => EF.Parameter(copyIds).Contains(s.Id))
                .Select(s => new { s.Id, s.Paragraph, s.Article.Published, s.Article.PublishedPrecision })
                .ToDictionaryAsync(s => s.Id, s => new CopyPlace(s.Published, s.PublishedPrecision, s.Paragraph), ct);
            var read = new Dictionary<int, CompareSentence>(some.Count);
            foreach (var k in some)
            {
                if (!sentences.TryGetValue(k.SentenceId, out var sentence) || !articles.TryGetValue(k.ArticleId, out var article)) continue;
                var shared = copiesOf.GetValueOrDefault(k.SentenceId, SentenceCopies.None);
                read[k.SentenceId] = new CompareSentence(k.SentenceId, k.ArticleId, sentence.Index, Slugs[k.OutletId], article.Published, article.PublishedPrecision,
                    sentence.Text, marks[k.SentenceId].OrderBy(m => m.Start).Select(m => new CompareMark(m.Start, m.Length, m.Kind, m.Label)).ToList(),
                    shared.With, shared.Count, sentence.Paragraph)
                {
                    Origin = Collapsed?.OriginOf(k.SentenceId),
                    SharedPlaces = copyPlaces.Count == 0 ? [] : shared.With.Select(w => copyPlaces.GetValueOrDefault(w.SentenceId) ?? new CopyPlace(null, DatePrecision.Day, -1)).ToList(),
                };
            }
            return read;
        }
    }

    /// <summary>A topic's sentences per outlet, cut to the first <paramref name="perOutlet"/>: from the facets where they serve, else in SQL.</summary>
    static async Task<List<RankedSentence>> RankAsync(DashboardDb db, CompareTopic topic, CompareScope scope, int perOutlet, CancellationToken ct)
    {
        if (scope.Facets is not null)
        {
            switch (topic.Kind)
            {
                case CompareTopicKind.Claims:
                    return await CompareFromFacets.ClaimsAsync(db, scope, perOutlet, ct);
                case CompareTopicKind.Place:
                    return await CompareFromFacets.PlaceAsync(db, scope, topic.Key!, perOutlet, ct);
                case CompareTopicKind.Text when await CompareFromFacets.SearchAsync(db, scope, topic.Key!, perOutlet, ct) is { } found:
                    return found;
            }
        }
        return await RankedSentences.ForTopicAsync(db, topic, await scope.IdsAsync(db, ct), perOutlet, ct);
    }

    sealed record HitMark(int SentenceId, int Start, int Length, string Kind, string Label);

    /// <summary>What to highlight in the kept sentences: the topic's own hits.</summary>
    static async Task<List<HitMark>> MarksAsync(DashboardDb db, CompareTopic topic, List<int> sentenceIds, CancellationToken ct)
    {
        switch (topic.Kind)
        {
            case CompareTopicKind.Place:
                var place = topic.Key;
                // Every mention in the kept sentences, the place picked here: with the place in the WHERE, SQLite seeks the
                // place's index and reads all its mentions (a second for a common place), not the few sentences' rows.
                var inSentences = await db.PlaceMentions.AsNoTracking().Where(m => EF.Parameter(sentenceIds).Contains(m.SentenceId))
                    .Select(m => new { m.PlaceId, Mark = new HitMark(m.SentenceId, m.Start, m.Length, "place", "Place: " + m.Place.Name) }).ToListAsync(ct);
                return inSentences.Where(m => m.PlaceId == place).Select(m => m.Mark).ToList();
            case CompareTopicKind.Claims:
                var claims = await db.ControlClaims.AsNoTracking().Where(c => EF.Parameter(sentenceIds).Contains(c.SentenceId)).ToListAsync(ct);
                return claims.Select(c => new HitMark(c.SentenceId, c.Start, c.Length, "claim", FactQueries.ClaimLabel(c))).ToList();
            case CompareTopicKind.Term:
                var term = topic.Key;
                return await db.FramingTermHits.AsNoTracking()
                    .Where(h => EF.Parameter(sentenceIds).Contains(h.SentenceId) && (h.TermId == term || h.Term.Group == term))
                    .Select(h => new HitMark(h.SentenceId, h.Start, h.Length, "term", "Framing term: " + h.Term.Label)).ToListAsync(ct);
            case CompareTopicKind.Text:
                var found = await db.HighlightSentencesAsync(topic.Key!, sentenceIds, ct);
                return found.SelectMany(f => f.Marks.Select(m => new HitMark(f.SentenceId, m.Start, m.Length, "hit", "Matches the search"))).ToList();
            default:
                return [];
        }
    }
}
