using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Reads;

namespace AleppoDashboard.Data.Views.Timeline;

/// <summary>
/// The time slider's span per filter (dates aside), kept until the content version moves: /map and /control ask
/// for it on every load, and moving the slider keeps the rest of the filter, so one entry serves every position.
/// Register as a singleton.
/// </summary>
public sealed class DaySpanCache(SearchMatchCache searches)
{
    public const int MaxFilters = 64;

    readonly ContentVersionCache<DaySpan?> spans = new(MaxFilters);

    public Task<DaySpan?> GetAsync(DashboardDb db, DashboardFilter filter, CancellationToken ct)
    {
        var undated = filter with { From = null, To = null };
        return spans.GetAsync(db, undated.CacheKey, async () => await db.DaySpanAsync(await searches.WithMatchesAsync(db, undated, ct), ct), ct);
    }
}
