using System.Globalization;

namespace AleppoDashboard.Web.Exports;

/// <summary>How values are written into CSV cells: invariant culture, ISO dates, empty for null.</summary>
public static class CsvCells
{
    public static string? Of(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string? Of(int? number) => number?.ToString(CultureInfo.InvariantCulture);
    public static string? Of(double? number) => number?.ToString("0.##", CultureInfo.InvariantCulture);
}
