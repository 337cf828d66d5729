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
        var best = outlets
            .SelectMany((o, order) => o.DatelinePatterns.Select(p => (Outlet: o, Pattern: p, Order: order, At: text.IndexOf(p, StringComparison.Ordinal))))
            .Where(x => x.At >= 0)
            .OrderBy(x => x.At).ThenBy(x => x.Order)
            .FirstOrDefault();
        if (best.Outlet is null)
        {
            notes.Add("No manifest row and no known dateline: outlet unknown.");
            return (UnknownOutletSlug, UnknownOutletName, ValueOrigin.Unknown);
        }
        notes.Add($"Outlet guessed from '{best.Pattern}' in the text.");
        return (best.Outlet.Slug, best.Outlet.Name, ValueOrigin.Heuristic);
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
