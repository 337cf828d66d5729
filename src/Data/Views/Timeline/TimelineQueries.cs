using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Timeline;

/// <summary>The first and last publication day of a selection of articles: the ends of the time slider.</summary>
public sealed record DaySpan(DateOnly First, DateOnly Last);

public static class TimelineQueries
{
    /// <summary>
    /// The first and last day an article is dated to among those the filter selects with its own dates set aside
    /// (the slider moves within them), or null when none is dated to the day. Month-only dates are left out: they
    /// would stretch the span to the 1st of a month no article is known to be from.
    /// </summary>
    public static async Task<DaySpan?> DaySpanAsync(this DashboardDb db, DashboardFilter filter, CancellationToken ct)
    {
        var dated = db.FilteredArticles(filter with { From = null, To = null })
            .Where(a => a.PublishedPrecision == DatePrecision.Day && a.Published != null);
        var first = await dated.MinAsync(a => a.Published, ct);
        var last = await dated.MaxAsync(a => a.Published, ct);
        return first is { } f && last is { } l ? new DaySpan(f, l) : null;
    }
}
