using System.Globalization;

namespace AleppoDashboard.Web.Components.Shared;

/// <summary>A count with its noun in the right number: "1 article", "1,234 articles", "0 outlets".</summary>
public static class Counted
{
    public static string Of(int count, string singular, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
