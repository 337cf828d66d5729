using AleppoDashboard.Data;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Views.Timeline;
using AleppoDashboard.Web.Filtering;

namespace AleppoDashboard.Web.Interactive;

/// <summary>The time slider's state for a page (/map, /control), or null when no filtered article is dated to the day.</summary>
public static class TimeSliders
{
    /// <summary>
    /// Page settings the slider does not keep: a page of the control table (a new period has other pages), the claim to
    /// open (it may not be in the new period), and <c>lang</c>, which the filter itself carries.
    /// </summary>
    static readonly string[] Dropped = ["page", "claim", "lang"];

    public static async Task<TimeSliderState?> StateAsync(DaySpanCache spans, DashboardDb db, string path, DashboardFilter filter, HttpContext? context, CancellationToken ct)
    {
        var span = await spans.GetAsync(db, filter, ct);
        return span is null ? null : TimeSliderState.Of(path, span, filter, FilterLinks.PageSettingsOf(context?.Request.Query, Dropped));
    }
}
