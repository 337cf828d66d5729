using System.Globalization;

namespace AleppoDashboard.Data.Facts;

/// <summary>
/// How a claim converted from the other side's share is described wherever it is shown: the text gave the rebels'
/// share (or what the government lost), and the dashboard stores the government's.
/// </summary>
public static class StatedShare
{
    public const string Rebels = "rebels";
    public const string GovernmentLost = "government, lost";

    /// <summary>"stated: rebels hold 7%", "stated: the government lost 10%", or null for a claim stated as the government's share.</summary>
    public static string? Describe(double? statedPercent, string? statedHolder)
    {
        if (statedPercent is not { } percent) return null;
        var value = percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";
        return statedHolder == GovernmentLost ? $"stated: the government lost {value}" : $"stated: rebels hold {value}";
    }
}
