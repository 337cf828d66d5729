using System.Globalization;

namespace AleppoDashboard.Web.Interactive;

/// <summary>
/// What the interactive chart on /control needs, as plain values that cross into the circuit: the data it draws
/// (<c>/api/claims</c> with the filter and scope), the page's address without a selected claim, the selected claim,
/// and what the canvas says to a screen reader.
/// </summary>
public sealed record ControlChartState(string ApiHref, string PageHref, int? Highlighted, int Plotted, string ScopeLabel)
{
    /// <summary>The page with <paramref name="claimId"/> selected: its point highlighted, the table at its row.</summary>
    public string ClaimHref(int claimId) =>
        PageHref + (PageHref.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "claim=" + claimId.ToString(CultureInfo.InvariantCulture);
}
