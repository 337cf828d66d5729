using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.Views.Facets;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Map;

/// <summary>A sentence that names a place: <see cref="Start"/>/<see cref="Length"/> mark the name in <see cref="Text"/>.</summary>
public sealed record MapExcerpt(
    int ArticleId, int SentenceIndex, string Text, int Start, int Length,
    string OutletSlug, string OutletName, DateOnly? Published, DatePrecision Precision);

/// <summary>How often one outlet names a place.</summary>
public sealed record MapOutletCount(string Slug, string Name, int Mentions);

/// <summary>A gazetteer place the filtered articles mention, with its counts per outlet (most first) and a few excerpts.</summary>
public sealed record MapPlace(
    string Id, string Name, string Sector, double Lat, double Lon, string Confidence,
    int Mentions, IReadOnlyList<MapOutletCount> Outlets, DateOnly? First, DateOnly? Last,
    IReadOnlyList<MapExcerpt> Excerpts)
{
    /// <summary>The outlet that names this place most (ties: by name).</summary>
    public MapOutletCount TopOutlet => Outlets[0];

    public int MentionsBy(string outletSlug) => Outlets.FirstOrDefault(o => o.Slug == outletSlug)?.Mentions ?? 0;
}

/// <summary>Reads for the map: every place the filtered articles mention, through the shared filter.</summary>
public static class MapQueries
{
    public const int ExcerptsPerPlace = 3;

    /// <summary>
    /// The mentioned places, most mentioned first (ties: by name). Counts and dates are aggregated in SQL; only a few
    /// candidate excerpts per place and outlet come back as rows. Five queries, whatever the number of mentions.
    /// With <paramref name="facets"/> (of the version this snapshot sees) the counts and the choice of candidate articles
    /// are made in memory from them instead (<see cref="MapFacetAggregates"/>; same result), unless the filter has a
    /// language or a search without its matches.
    /// </summary>
    public static async Task<List<MapPlace>> MapPlacesAsync(this DashboardDb db, DashboardFilter filter, CancellationToken ct,
        Func<Task<ArticleFacets>>? facets = null)
    {
        // One snapshot for the five queries: an ingest revising an article between them must not leave a chosen
        // excerpt's mention missing from the last one.
        await using var snapshot = await ReadSnapshot.BeginUnlessInTransactionAsync(db, ct);
        var inMemory = facets is not null && ArticleFacets.CanSelect(filter) ? await facets() : null;
        var selected = inMemory?.Select(filter);
        // 1. Mentions, first and last date per place and outlet.
        var counts = inMemory is not null ? MapFacetAggregates.Counts(inMemory, selected!, filter) : await MapAggregates.CountsAsync(db, filter, ct);
        if (counts.Count == 0)
        {
            return [];
        }

        // 2. The places and outlets those rows name.
        var placeIds = counts.Select(c => c.PlaceId).Distinct().ToList();
        var places = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToListAsync(ct);
        var outlets = await db.Outlets.AsNoTracking().ToDictionaryAsync(o => o.Id, o => new MapOutletCount(o.Slug, o.Name, 0), ct);
        var byPlace = counts.ToLookup(c => c.PlaceId);
        var perOutlet = placeIds.ToDictionary(id => id, id => byPlace[id]
            .Select(c => outlets[c.OutletId] with { Mentions = c.Mentions })
            .OrderByDescending(o => o.Mentions).ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList());

        // 3. The excerpt candidates: the mentions in the newest few articles per place and outlet, ranked in SQL.
        var candidates = (inMemory is not null
            ? await MapFacetAggregates.NewestArticlesPerPlaceAndOutletAsync(db, inMemory, selected!, filter, ExcerptsPerPlace, ct)
            : await MapAggregates.NewestArticlesPerPlaceAndOutletAsync(db, filter, ExcerptsPerPlace, ct)).ToLookup(c => c.PlaceId);
        var chosen = placeIds.ToDictionary(id => id, id => PickExcerpts(candidates[id], perOutlet[id], outlets));

        // 4. The chosen sentences' text, by mention id.
        var chosenIds = chosen.Values.SelectMany(ids => ids).ToList();
        var excerpts = await db.PlaceMentions.AsNoTracking()
            .Where(m => chosenIds.Contains(m.Id))
            .Select(m => new
            {
                m.Id,
                Excerpt = new MapExcerpt(m.ArticleId, m.Sentence.Index, m.Sentence.Text, m.Start, m.Length,
                    m.Article.Outlet.Slug, m.Article.Outlet.Name, m.Article.Published, m.Article.PublishedPrecision),
            })
            .ToDictionaryAsync(m => m.Id, m => m.Excerpt, ct);

        return places
            .Select(p =>
            {
                var rows = byPlace[p.Id].ToList();
                return new MapPlace(p.Id, p.Name, p.Sector, p.Lat, p.Lon, p.Confidence,
                    rows.Sum(c => c.Mentions), perOutlet[p.Id], rows.Min(c => c.First), rows.Max(c => c.Last),
                    chosen[p.Id].Select(id => excerpts[id]).ToList());
            })
            .OrderByDescending(p => p.Mentions).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The outlets that mention any of <paramref name="places"/>, most mentions first: the table's and legend's columns.</summary>
    public static List<MapOutletCount> OutletsOf(IEnumerable<MapPlace> places) =>
        places.SelectMany(p => p.Outlets)
            .GroupBy(o => o.Slug)
            .Select(g => new MapOutletCount(g.Key, g.First().Name, g.Sum(o => o.Mentions)))
            .OrderByDescending(o => o.Mentions).ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Up to three mentions in different sentences, newest first, taking outlets in turn (most mentioning outlet first)
    /// so that each outlet's wording shows.
    /// </summary>
    /// <remarks>
    /// Only the first <see cref="ExcerptsPerPlace"/> outlets can be reached and each gives at most that many sentences,
    /// which its newest <see cref="ExcerptsPerPlace"/> articles hold, so those articles' mentions (<paramref name="candidates"/>) are enough.
    /// </remarks>
    static List<int> PickExcerpts(IEnumerable<ExcerptCandidate> candidates, List<MapOutletCount> outletOrder, Dictionary<int, MapOutletCount> outlets)
    {
        var newestFirst = candidates
            .OrderBy(c => c.ArticleRank).ThenBy(c => c.SentenceIndex).ThenBy(c => c.Start)
            .DistinctBy(c => c.SentenceId)
            .ToList();
        var queues = outletOrder
            .Select(o => new Queue<ExcerptCandidate>(newestFirst.Where(m => outlets[m.OutletId].Slug == o.Slug)))
            .ToList();
        var picked = new List<int>();
        while (picked.Count < ExcerptsPerPlace && queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                if (picked.Count == ExcerptsPerPlace) break;
                picked.Add(queue.Dequeue().MentionId);
            }
        }
        return picked;
    }
}
