using System.Globalization;
using AleppoDashboard.Data.Articles;

namespace AleppoDashboard.Web.Views.Compare;

/// <summary>A sentence cited as a reader would: "Reuters, 9 Dec 2016, paragraph 3" (the headline is "headline").</summary>
public static class Citation
{
    public static string Of(string outlet, DateOnly? published, DatePrecision precision, int paragraph) =>
        $"{outlet}, {Date(published, precision)}, {(paragraph == 0 ? "headline" : "paragraph " + paragraph.ToString(CultureInfo.InvariantCulture))}";

    /// <summary>As the pages write dates: 9 Dec 2016, Dec 2016, 2016, or undated.</summary>
    static string Date(DateOnly? published, DatePrecision precision) => published is not { } d ? "undated" : precision switch
    {
        DatePrecision.Year => d.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => d.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        _ => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
    };
}
