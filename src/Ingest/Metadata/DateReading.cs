using System.Globalization;
using System.Text.RegularExpressions;
using AleppoDashboard.Data.Articles;

namespace AleppoDashboard.Ingest.Metadata;

/// <summary>A date and how much of it is known (a month-only date is stored as the month's 1st).</summary>
public readonly partial record struct DateReading(DateOnly Date, DatePrecision Precision)
{
    /// <summary>Manifest dates: yyyy-MM-dd, yyyy-MM or yyyy; else any date written as in the text heuristics.</summary>
    public static DateReading? FromManifest(string value)
    {
        value = value.Trim();
        var c = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", c, DateTimeStyles.None, out var day)) return new(day, DatePrecision.Day);
        if (DateOnly.TryParseExact(value, "yyyy-MM", c, DateTimeStyles.None, out var month)) return new(month, DatePrecision.Month);
        if (DateOnly.TryParseExact(value, "yyyy", c, DateTimeStyles.None, out var year)) return new(year, DatePrecision.Year);
        var inText = FindAll(value).ToList();
        return inText.Count == 1 ? inText[0] : null;
    }

    /// <summary>Every full date written in the text (09 Dec, 2016 / December 9, 2016 / 2016-12-09).</summary>
    public static IEnumerable<DateReading> FindAll(string text)
    {
        foreach (Match m in DayMonthYear().Matches(text))
        {
            if (Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } d) yield return d;
        }
        foreach (Match m in MonthDayYear().Matches(text))
        {
            if (Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } d) yield return d;
        }
        foreach (Match m in IsoDate().Matches(text))
        {
            if (DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) yield return new(d, DatePrecision.Day);
        }
    }

    static DateReading? Make(string year, string month, string day)
    {
        var m = Array.FindIndex(Months, name => month.StartsWith(name, StringComparison.OrdinalIgnoreCase)) + 1;
        if (m == 0 || !int.TryParse(year, out var y) || !int.TryParse(day, out var d)) return null;
        if (y < 1990 || y > 2100 || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
        return new(new DateOnly(y, m, d), DatePrecision.Day);
    }

    static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    const string MonthName = @"(?<m>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s+" + MonthName + @",?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b" + MonthName + @"\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();
}
