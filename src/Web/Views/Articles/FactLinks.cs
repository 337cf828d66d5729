using System.Globalization;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Views.Articles;
using AleppoDashboard.Web.Components.Shared;
using AleppoDashboard.Web.Filtering;

namespace AleppoDashboard.Web.Views.Articles;

/// <summary>
/// Where a fact in an article leads, with the reader's filter: a place to the map focused on it (and side by side),
/// a claim to its highlighted row of the control table, a source or framing term to its side-by-side row.
/// </summary>
public static class FactLinks
{
    public static IReadOnlyList<FactLink> Of(FactSpan span, string matchedText, DashboardFilter filter) => span.Kind switch
    {
        "place" when span.PlaceId is { } place =>
        [
            new("Show on the map", FilterLinks.Page("/map", filter.WithPlaces(place))),
            new("Compare what each outlet wrote about it", FilterLinks.Page("/compare", filter with { Places = [place], Text = null })),
            new("Articles naming it", FilterLinks.Page("/articles", filter.WithPlaces(place))),
        ],
        "claim" when span.ClaimId is { } claim && span.Scope is { } scope =>
        [
            new("Show among the control claims", Claim(filter, scope, claim)),
        ],
        "source" => [new("Compare what each outlet wrote citing it", FilterLinks.Page("/compare", filter with { Places = [], Text = Phrase(matchedText) }))],
        "term" when span.TermId is { } term =>
        [
            new("Compare each outlet's use of this term", FilterLinks.Page("/compare", filter with { Places = [], Text = null }, new KeyValuePair<string, string>("term", term))),
        ],
        _ => [],
    };

    /// <summary>The control table at the claim's row (the page finds the claim's page; the anchor scrolls to it).</summary>
    public static string Claim(DashboardFilter filter, string scope, int claimId)
    {
        var id = claimId.ToString(CultureInfo.InvariantCulture);
        return FilterLinks.Page("/control", filter, new("scope", scope), new("claim", id)) + "#claim-" + id;
    }

    /// <summary>The words as a phrase search (quotes inside are dropped, so the phrase stays one).</summary>
    static string Phrase(string text) => "\"" + text.Replace("\"", "", StringComparison.Ordinal).Trim() + "\"";
}
