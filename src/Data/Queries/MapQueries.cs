using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Queries;

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

/// <summary>Reads for the map: every mentioned place through the shared filter, in three queries whatever the number of places.</summary>
public static class MapQueries
{
    public const int ExcerptsPerPlace = 3;

    /// <summary>Candidates read per place before picking <see cref="ExcerptsPerPlace"/> from different outlets and sentences.</summary>
    const int ExcerptCandidates = 12;

    /// <summary>The mentioned places, most mentioned first (ties: by name).</summary>
    public static async Task<List<MapPlace>> MapPlacesAsync(this DashboardDb db, DashboardFilter filter, CancellationToken ct)
    {
        var mentions = db.FilteredMentions(filter);

        var counts = await mentions
            .GroupBy(m => new { m.PlaceId, m.Article.OutletId })
            .Select(g => new
            {
                g.Key.PlaceId,
                g.Key.OutletId,
                Mentions = g.Count(),
                First = g.Min(m => m.Article.Published),
                Last = g.Max(m => m.Article.Published),
            })
            .ToListAsync(ct);
        if (counts.Count == 0)
        {
            return [];
        }

        var outlets = await db.Outlets.AsNoTracking().ToDictionaryAsync(o => o.Id, o => new { o.Slug, o.Name }, ct);
        var placeIds = counts.Select(c => c.PlaceId).Distinct().ToList();

        // One query: each place with its newest mentioning sentences (EF turns the Take into ROW_NUMBER per place).
        var places = await db.Places.AsNoTracking()
            .Where(p => placeIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.Name, p.Sector, p.Lat, p.Lon, p.Confidence,
                Excerpts = mentions.Where(m => m.PlaceId == p.Id)
                    .OrderBy(m => m.Article.Published == null).ThenByDescending(m => m.Article.Published)
                    .ThenBy(m => m.ArticleId).ThenBy(m => m.Sentence.Index).ThenBy(m => m.Start)
                    .Select(m => new MapExcerpt(m.ArticleId, m.Sentence.Index, m.Sentence.Text, m.Start, m.Length,
                        m.Article.Outlet.Slug, m.Article.Outlet.Name, m.Article.Published, m.Article.PublishedPrecision))
                    .Take(ExcerptCandidates)
                    .ToList(),
            })
            .ToListAsync(ct);

        var countsByPlace = counts.ToLookup(c => c.PlaceId);
        return places
            .Select(p =>
            {
                var rows = countsByPlace[p.Id].ToList();
                var perOutlet = rows
                    .Select(c => new MapOutletCount(outlets[c.OutletId].Slug, outlets[c.OutletId].Name, c.Mentions))
                    .OrderByDescending(o => o.Mentions).ThenBy(o => o.Name, StringComparer.Ordinal)
                    .ToList();
                return new MapPlace(p.Id, p.Name, p.Sector, p.Lat, p.Lon, p.Confidence,
                    rows.Sum(c => c.Mentions), perOutlet, rows.Min(c => c.First), rows.Max(c => c.Last),
                    PickExcerpts(p.Excerpts, perOutlet));
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

    /// <summary>Up to three excerpts, one sentence each, taking outlets in turn (most mentioning outlet first) so each voice shows.</summary>
    static List<MapExcerpt> PickExcerpts(List<MapExcerpt> candidates, List<MapOutletCount> outlets)
    {
        var bySentence = candidates.DistinctBy(e => (e.ArticleId, e.SentenceIndex)).ToList();
        var queues = outlets
            .Select(o => new Queue<MapExcerpt>(bySentence.Where(e => e.OutletSlug == o.Slug)))
            .Where(q => q.Count > 0)
            .ToList();
        var picked = new List<MapExcerpt>();
        while (picked.Count < ExcerptsPerPlace && queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                if (picked.Count == ExcerptsPerPlace) break;
                picked.Add(queue.Dequeue());
            }
        }
        return picked;
    }
}
