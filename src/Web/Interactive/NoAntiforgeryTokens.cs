using Microsoft.AspNetCore.Components.Forms;

namespace AleppoDashboard.Web.Interactive;

/// <summary>
/// The site takes no form posts (every form is a GET of a filter link, and the interactive filter bar changes the URL),
/// so it needs no antiforgery token. Blazor's default provider would issue one with every page that can host an
/// interactive component, and with it a cookie and <c>Cache-Control: no-store</c>, which would stop the output cache
/// of /compare and make every page uncacheable. A component that posts a form would need the default provider back.
/// </summary>
public sealed class NoAntiforgeryTokens : AntiforgeryStateProvider
{
    public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
}
