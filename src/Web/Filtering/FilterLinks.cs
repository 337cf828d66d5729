using System.Globalization;
using AleppoDashboard.Data.Filtering;
using Microsoft.Extensions.Primitives;

namespace AleppoDashboard.Web.Filtering;

/// <summary>Query-string helpers for links that must carry the current view's filter.</summary>
public static class FilterLinks
{
    /// <summary>The query keys that belong to the shared filter.</summary>
    public static readonly string[] FilterKeys = ["from", "to", "outlet", "place", "q", "origins"];

    /// <summary>"?from=..&amp;outlet=.." with only the shared filter's keys from <paramref name="query"/>, or "".</summary>
    public static string FilterQueryOf(IQueryCollection? query) =>
        Build(query?.Where(p => FilterKeys.Contains(p.Key, StringComparer.OrdinalIgnoreCase)) ?? []);

    /// <summary>The query keys that are not the filter's (a page's own settings such as scope), minus <paramref name="drop"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> PageSettingsOf(IQueryCollection? query, params string[] drop) =>
        (query ?? QueryCollection.Empty)
            .Where(p => !FilterKeys.Contains(p.Key, StringComparer.OrdinalIgnoreCase) && !drop.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")));

    /// <summary>
    /// An article page carrying the filter the reader came with (so its nav links, "back" and the map keep it),
    /// optionally at one sentence (<c>#s{index}</c>). Empty filter values are left out.
    /// </summary>
    public static string Article(int articleId, DashboardFilter? filter, int? sentenceIndex = null) =>
        string.Create(CultureInfo.InvariantCulture, $"/articles/{articleId}")
        + (filter?.ToQueryString() ?? "")
        + (sentenceIndex is { } s ? string.Create(CultureInfo.InvariantCulture, $"#s{s}") : "");

    /// <summary>A page (e.g. "/articles", "/map") with the filter and any page settings; empty values are left out.</summary>
    public static string Page(string path, DashboardFilter filter, params KeyValuePair<string, string>[] settings) =>
        path + filter.ToQueryString(settings);

    public static string Build(IEnumerable<KeyValuePair<string, StringValues>> pairs)
    {
        var parts = pairs.SelectMany(p => p.Value.Where(v => !string.IsNullOrEmpty(v))
            .Select(v => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(v!))).ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
