using System.Globalization;

namespace AleppoDashboard.Web.Exports;

/// <summary>How values are written into CSV cells: invariant culture, ISO dates, empty for null.</summary>
public static class CsvCells
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string NumberFormat = "0.##";

    public static string? Of(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);
    public static string? Of(int? number) => number?.ToString(CultureInfo.InvariantCulture);
    public static string? Of(double? number) => number?.ToString(NumberFormat, CultureInfo.InvariantCulture);
}
