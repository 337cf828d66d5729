using AleppoDashboard.Data.Reads;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Places;

/// <summary>A place the filter bar's picker offers: its gazetteer id, name and Arabic name, and how many articles name it.</summary>
public sealed record PlaceChoice(string Id, string Name, int Articles, string? NameAr = null);

/// <summary>
/// Every place some article names, with how many articles name it, most named first: the filter bar's place picker.
/// Shown on every page, so kept until the content version moves (one grouped read over the mentions per version).
/// Register as a singleton; the list it returns is shared: read it, never change it.
/// </summary>
public sealed class PlacePickerCache
{
    readonly ContentVersionCache<List<PlaceChoice>> choices = new(1);

    public Task<List<PlaceChoice>> GetAsync(DashboardDb db, CancellationToken ct) =>
        choices.GetAsync(db, "all", async () =>
        {
            var counts = await db.PlaceMentions.AsNoTracking()
                .GroupBy(m => m.PlaceId)
                .Select(g => new { Id = g.Key, Articles = g.Select(m => m.ArticleId).Distinct().Count() })
                .ToListAsync(ct);
            var names = await db.Places.AsNoTracking().ToDictionaryAsync(p => p.Id, p => new { p.Name, p.NameAr }, ct);
            return counts.Where(c => names.ContainsKey(c.Id))
                .Select(c => new PlaceChoice(c.Id, names[c.Id].Name, c.Articles, names[c.Id].NameAr))
                .OrderByDescending(c => c.Articles).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }, ct);
}
