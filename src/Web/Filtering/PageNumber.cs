using System.Globalization;

namespace AleppoDashboard.Web.Filtering;

/// <summary>The <c>page</c> query parameter of paged lists: absent means 1; anything but a whole number ≥ 1 is an error.</summary>
public static class PageNumber
{
    public static bool TryParse(string? text, out int page)
    {
        page = 1;
        if (string.IsNullOrWhiteSpace(text)) return true;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1;
    }

    /// <summary>The one-line reason a <c>page</c> value that <see cref="TryParse"/> refused gets.</summary>
    public static string Error(string? text) => $"'page' must be a whole number from 1 up; got '{text}'.";
}
