using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace AleppoDashboard.TestSupport;

/// <summary>Numbers read off a rendered page.</summary>
public static class PageNumbers
{
    /// <summary>The first group of <paramref name="match"/> as a number written with thousands separators ("1,234"); fails the test when the page did not match.</summary>
    public static int Of(Match match)
    {
        Assert.True(match.Success, "the page shows the number");
        return int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }
}
