using System.Globalization;
using System.Text;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Files;

namespace AleppoDashboard.Ingest.Metadata;

/// <summary>
/// Decides an article's outlet and date: from its manifest row when there is one, otherwise from
/// text heuristics (datelines listed in Reference/outlets.csv, dates written in the text).
/// </summary>
public sealed class MetadataResolver(IReadOnlyList<OutletProfile> outlets)
{
    public const string UnknownOutletSlug = "unknown";

    /// <summary>The outlets of Reference/outlets.csv.</summary>
    public IReadOnlyList<OutletProfile> Outlets => outlets;
    public const string UnknownOutletName = "Unknown outlet";

    public ArticleMetadata Resolve(ManifestRow? row, string text)
    {
        var notes = new List<string>();
        if (row?.Notes is { } manifestNotes) notes.Add(manifestNotes);

        var (slug, name, outletOrigin) = row?.Outlet is { } outletName
            ? (SlugFor(outletName), outletName.Trim(), ValueOrigin.Manifest)
            : OutletFromText(text, notes);

        DateReading? published = null;
        var dateOrigin = ValueOrigin.Unknown;
        if (row?.Published is { } manifestDate)
        {
            published = DateReading.FromManifest(manifestDate);
            if (published is null) notes.Add($"Manifest date '{manifestDate}' is not a date (use yyyy-MM-dd); the date was taken from the text instead.");
            else dateOrigin = ValueOrigin.Manifest;
        }
        if (published is null)
        {
            published = DateReading.FindAll(text).OrderByDescending(d => d.Date).Cast<DateReading?>().FirstOrDefault();
            if (published is not null)
            {
                dateOrigin = ValueOrigin.Heuristic;
                notes.Add($"Date {published.Value.Date:yyyy-MM-dd} guessed from the latest date written in the text.");
            }
        }
        return new ArticleMetadata(slug, name, outletOrigin, published, dateOrigin, row?.Url, notes);
    }

    (string Slug, string Name, ValueOrigin Origin) OutletFromText(string text, List<string> notes)
    {
        // The earliest pattern in the text; on a tie the outlet listed first, then its pattern listed first. Once one
        // is found, only the text before it (plus a pattern's length) is searched for the others.
        OutletProfile? bestOutlet = null;
        string? bestPattern = null;
        var bestAt = text.Length + 1;
        foreach (var outlet in outlets)
        {
            foreach (var pattern in outlet.DatelinePatterns)
            {
                var searched = Math.Min(text.Length, bestAt - 1 + pattern.Length);
                var at = searched < 0 ? -1 : text.AsSpan(0, searched).IndexOf(pattern, StringComparison.Ordinal);
                if (at < 0 || at >= bestAt) continue;
                (bestOutlet, bestPattern, bestAt) = (outlet, pattern, at);
            }
        }
        if (bestOutlet is null)
        {
            notes.Add("No manifest row and no known dateline: outlet unknown.");
            return (UnknownOutletSlug, UnknownOutletName, ValueOrigin.Unknown);
        }
        notes.Add($"Outlet guessed from '{bestPattern}' in the text.");
        return (bestOutlet.Slug, bestOutlet.Name, ValueOrigin.Heuristic);
    }

    /// <summary>The slug of a known outlet (by name or alias), else the name made into a slug.</summary>
    public string SlugFor(string outletName)
    {
        var known = outlets.FirstOrDefault(o =>
            string.Equals(o.Name, outletName.Trim(), StringComparison.OrdinalIgnoreCase) ||
            o.Aliases.Contains(outletName.Trim(), StringComparer.OrdinalIgnoreCase));
        return known?.Slug ?? Slugify(outletName);
    }

    public static string Slugify(string name)
    {
        var folded = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var slug = string.Join('-', folded.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? UnknownOutletSlug : slug[..Math.Min(slug.Length, 80)].TrimEnd('-');
    }
}
