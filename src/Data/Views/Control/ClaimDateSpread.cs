namespace AleppoDashboard.Data.Views.Control;

/// <summary>A date on which several plottable claims were published: how many, by whom, and their spread.</summary>
public sealed record ClaimDateSpread(DateOnly Date, int Claims, IReadOnlyList<string> Outlets, double Min, double Max);

/// <summary>Which dates with several claims the control page lists by name (the chart draws every one as a grey bar).</summary>
public static class ClaimDateSpreads
{
    /// <summary>At most this many dates are listed; on a big corpus nearly every date has several claims.</summary>
    public const int Listed = 12;

    /// <summary>
    /// The <paramref name="max"/> dates where the claims differ most (widest min–max range, then most claims, then
    /// oldest), oldest first.
    /// </summary>
    public static List<ClaimDateSpread> Widest(IEnumerable<ClaimDateSpread> dates, int max = Listed) =>
        dates.OrderByDescending(d => d.Max - d.Min).ThenByDescending(d => d.Claims).ThenBy(d => d.Date)
            .Take(max).OrderBy(d => d.Date).ToList();
}
