namespace AleppoDashboard.Web.Views.Map;

/// <summary>
/// The map page's <c>color</c> parameter: markers coloured by gazetteer sector (the default) or by the outlet
/// that mentions the place most. Also the CSS classes both the markers (map.js) and the legend use.
/// </summary>
public static class MarkerColor
{
    public const string Sector = "sector";
    public const string Outlet = "outlet";

    /// <summary>How many outlets get a colour of their own; the rest share "other".</summary>
    public const int OutletColors = 8;

    public static bool TryParse(string? text, out string color, out string? error)
    {
        error = null;
        color = string.IsNullOrWhiteSpace(text) ? Sector : text.Trim().ToLowerInvariant();
        if (color is Sector or Outlet) return true;
        error = $"'color' must be sector or outlet; got '{(text!.Length <= 40 ? text : text[..40] + "…")}'.";
        return false;
    }

    /// <summary>"sector-old-city": sector values are gazetteer slugs.</summary>
    public static string SectorClass(string sector) => "sector-" + sector;

    /// <summary>"outlet-0" for the outlet with most mentions, ..., "outlet-other" past the palette.</summary>
    public static string OutletClass(int index) => index < OutletColors ? $"outlet-{index}" : "outlet-other";
}
