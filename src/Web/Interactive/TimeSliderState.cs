using System.Globalization;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Views.Timeline;

namespace AleppoDashboard.Web.Interactive;

/// <summary>The slider's step: one day (<c>from</c> = <c>to</c>) or one Monday-to-Sunday week.</summary>
public enum TimeStep
{
    Week,
    Day,
}

/// <summary>
/// The time slider's state, as plain values that cross into the circuit: the page, the span of days the filtered
/// articles are dated to, the filter's own dates and every other parameter the page keeps. The position lives in
/// the filter's <c>from</c> and <c>to</c> (one day, or one Monday-to-Sunday week), so the address, the CSV exports
/// and the APIs all read it through the one filter parser. Position 0 is "all dates"; 1..<see cref="Count"/> are
/// the days or weeks from the first to the last.
/// </summary>
public sealed record TimeSliderState(string Path, string First, string Last, string? From, string? To, IReadOnlyList<QueryPair> Keep)
{
    public static TimeSliderState Of(string path, DaySpan span, DashboardFilter filter, IEnumerable<KeyValuePair<string, string>> pageSettings) =>
        new(path, Iso(span.First)!, Iso(span.Last)!, Iso(filter.From), Iso(filter.To),
            (filter with { From = null, To = null }).ToQueryPairs().Concat(pageSettings)
                .Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => new QueryPair(p.Key, p.Value)).ToList());

    DateOnly FirstDay => Parse(First)!.Value;
    DateOnly LastDay => Parse(Last)!.Value;

    /// <summary>A one-day filter steps by day; anything else (a week, no dates, another range) by week.</summary>
    public TimeStep Step => From is not null && From == To ? TimeStep.Day : TimeStep.Week;

    /// <summary>How many days or weeks the slider moves through.</summary>
    public int Count => Step == TimeStep.Day
        ? LastDay.DayNumber - FirstDay.DayNumber + 1
        : (Monday(LastDay).DayNumber - Monday(FirstDay).DayNumber) / 7 + 1;

    /// <summary>The position the filter's dates are at: 0 for none, or for dates that are not one of the steps.</summary>
    public int Position
    {
        get
        {
            if (Parse(From) is not { } from || Parse(To) is not { } to) return 0;
            for (var i = 1; i <= Count; i++)
            {
                if (Period(i) == (from, to)) return i;
            }
            return 0;
        }
    }

    /// <summary>Dates are set, but not to one day or week of the slider (a range chosen in the filter bar).</summary>
    public bool IsOtherRange => (From is not null || To is not null) && Position == 0;

    /// <summary>The days of position 1..Count.</summary>
    public (DateOnly From, DateOnly To) Period(int position) => Step == TimeStep.Day
        ? (FirstDay.AddDays(position - 1), FirstDay.AddDays(position - 1))
        : (Monday(FirstDay).AddDays(7 * (position - 1)), Monday(FirstDay).AddDays(7 * (position - 1) + 6));

    /// <summary>The page at a position (0: without dates), with the rest of the filter and the page's settings.</summary>
    public string Href(int position) => position <= 0 || position > Count
        ? Link(null, null)
        : Link(Period(position).From, Period(position).To);

    /// <summary>The page stepping by <paramref name="step"/>, at the day or week that holds the current one (or the first).</summary>
    public string StepHref(TimeStep step)
    {
        var at = Position > 0 ? Period(Position).From : FirstDay;
        return step == TimeStep.Day ? Link(at, at) : Link(Monday(at), Monday(at).AddDays(6));
    }

    /// <summary>"All dates", "9 Dec 2016", or "5–11 Dec 2016".</summary>
    public string Label(int position)
    {
        if (position <= 0 || position > Count)
        {
            return IsOtherRange && position == Position ? "Dates set in the filter: " + Range(Parse(From), Parse(To))
                : "All dates (" + Range(FirstDay, LastDay) + ")";
        }
        var (from, to) = Period(position);
        return Step == TimeStep.Day ? Day(from) : "Week of " + Range(from, to);
    }

    /// <summary>The unit for the previous and next links.</summary>
    public string Unit => Step == TimeStep.Day ? "day" : "week";

    string Link(DateOnly? from, DateOnly? to)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (from is { } f) pairs.Add(new("from", Iso(f)!));
        if (to is { } t) pairs.Add(new("to", Iso(t)!));
        pairs.AddRange(Keep.Select(k => new KeyValuePair<string, string>(k.Key, k.Value)));
        return Path + (pairs.Count == 0 ? "" : "?" + string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))));
    }

    static string Range(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        ({ } f, { } t) when f == t => Day(f),
        ({ } f, { } t) when f.Year == t.Year && f.Month == t.Month => $"{f.Day}–{Day(t)}",
        ({ } f, { } t) when f.Year == t.Year => f.ToString("d MMM", CultureInfo.InvariantCulture) + " – " + Day(t),
        ({ } f, { } t) => Day(f) + " – " + Day(t),
        ({ } f, null) => "from " + Day(f),
        (null, { } t) => "to " + Day(t),
        _ => "",
    };

    static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    static string Day(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
