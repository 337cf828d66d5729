using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;

namespace AleppoDashboard.Data.Filtering;

/// <summary>The one place the shared filter is read from a query string.</summary>
public static partial class FilterParser
{
    public const int MaxTextLength = 300;
    public const int MaxRepeats = 50;

    public static FilterParseResult Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var values = query.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value, StringComparer.Ordinal);
        var errors = new List<string>();
        var from = ParseDate(values, "from", errors);
        var to = ParseDate(values, "to", errors);
        if (from is not null && to is not null && from > to)
        {
            errors.Add($"'from' ({from:yyyy-MM-dd}) is after 'to' ({to:yyyy-MM-dd}).");
        }
        var outlets = ParseSlugs(values, "outlet", errors);
        var places = ParseSlugs(values, "place", errors);
        var languages = ParseLanguages(values, errors);
        var text = ParseText(values, errors);
        var origins = ParseOrigins(values, errors);
        return new(new DashboardFilter(from, to, outlets, places, text) { Languages = languages, CountOrigins = origins }, errors);
    }

    static DateOnly? ParseDate(Dictionary<string, StringValues> values, string key, List<string> errors)
    {
        var raw = Single(values, key, errors);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        if (DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add($"'{key}' must be a real date written yyyy-MM-dd, such as 2016-12-09; got '{Shorten(raw)}'.");
        return null;
    }

    static List<string> ParseSlugs(Dictionary<string, StringValues> values, string key, List<string> errors)
    {
        if (!values.TryGetValue(key, out var raw))
        {
            return [];
        }
        var slugs = raw.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim().ToLowerInvariant()).Distinct().ToList();
        if (slugs.Count > MaxRepeats)
        {
            errors.Add($"At most {MaxRepeats} values of '{key}' are allowed; got {slugs.Count}.");
            return [];
        }
        foreach (var slug in slugs.Where(s => !SlugPattern().IsMatch(s)))
        {
            errors.Add($"'{key}' must be an id of lowercase letters, digits and hyphens, such as 'tasnim-news-agency'; got '{Shorten(slug)}'.");
        }
        return slugs.Where(s => SlugPattern().IsMatch(s)).ToList();
    }

    /// <summary>
    /// The codes <c>lang</c> accepts: the languages an article can be stored with as the ingest tells them apart (English
    /// and Arabic, whose facts it extracts, and the others its language guess names: Ingest's <c>LanguageGuess.Tags</c>,
    /// which a test keeps inside this list). Any other code is refused with a 400, as an unknown outlet is, instead of
    /// showing an empty view that looks like "no articles".
    /// </summary>
    public static readonly IReadOnlyList<string> LanguageCodes =
        ["ar", "de", "el", "en", "es", "fa", "fr", "he", "it", "ja", "ko", "nl", "pt", "ru", "tr", "zh"];

    static List<string> ParseLanguages(Dictionary<string, StringValues> values, List<string> errors)
    {
        if (!values.TryGetValue("lang", out var raw)) return [];
        var codes = raw.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim().ToLowerInvariant()).Distinct().ToList();
        foreach (var code in codes.Where(c => !LanguageCodes.Contains(c)))
        {
            errors.Add($"'lang' must be one of the language codes {string.Join(", ", LanguageCodes)}; got '{Shorten(code)}'.");
        }
        return codes.Where(LanguageCodes.Contains).ToList();
    }

    /// <summary><c>origins</c>: 1 counts origins, 0 (or absent, or empty) counts copies.</summary>
    static bool ParseOrigins(Dictionary<string, StringValues> values, List<string> errors)
    {
        var raw = Single(values, "origins", errors)?.Trim();
        switch (raw)
        {
            case null or "" or "0": return false;
            case "1": return true;
            default:
                errors.Add($"'origins' must be 1 (count each wire copy once) or 0 (count every copy); got '{Shorten(raw)}'.");
                return false;
        }
    }

    static string? ParseText(Dictionary<string, StringValues> values, List<string> errors)
    {
        var raw = Single(values, "q", errors)?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }
        if (raw.Length > MaxTextLength)
        {
            errors.Add($"The search text is {raw.Length} characters long; at most {MaxTextLength} are allowed.");
            return null;
        }
        var search = SearchQuery.Parse(raw);
        if (search.Error is { } error)
        {
            errors.Add(error);
            return null;
        }
        return raw;
    }

    static string? Single(Dictionary<string, StringValues> values, string key, List<string> errors)
    {
        if (!values.TryGetValue(key, out var raw) || raw.Count == 0)
        {
            return null;
        }
        var distinct = raw.Where(v => !string.IsNullOrEmpty(v)).Distinct().ToList();
        if (distinct.Count > 1)
        {
            errors.Add($"'{key}' was given {distinct.Count} different values; give it once.");
            return null;
        }
        return distinct.FirstOrDefault();
    }

    /// <summary>
    /// The value as an error message quotes it: at most 40 characters, and line breaks and other control characters
    /// shown as escapes (\r, \u0000), so the reason stays on one line whatever was typed (found by fuzzing: a place
    /// value with a carriage return split the 400's message).
    /// </summary>
    internal static string Shorten(string value)
    {
        var shown = value.Length <= 40 ? value : value[..40] + "…";
        if (!shown.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029')) return shown;
        var escaped = new System.Text.StringBuilder(shown.Length + 8);
        foreach (var c in shown)
        {
            escaped.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex SlugPattern();
}
