using System.Globalization;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Ingest.Metadata;
using AngleSharp.Dom;

namespace AleppoDashboard.Ingest.Files.Html;

/// <summary>
/// Reads what a saved page states about its article: JSON-LD first (the most deliberate statement), then Open Graph,
/// article and Dublin Core meta tags, then the markup itself (<c>&lt;time&gt;</c>, <c>&lt;title&gt;</c>,
/// <c>&lt;html lang&gt;</c>). The date in the URL's path is a guess, used only when the page states none.
/// </summary>
public static class PageMetadataReader
{
    // Meta tags in the order they are trusted; each names the tag by its name, property or itemprop.
    static readonly string[] DateTags =
    [
        "article:published_time", "og:article:published_time", "og:published_time", "datePublished", "article.published", "pubdate",
        "publishdate", "publish-date", "publish_date", "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date", "sailthru.date",
        "parsely-pub-date", "date", "og:updated_time", "article:modified_time",
    ];
    static readonly string[] HeadlineTags = ["og:title", "twitter:title", "dc.title", "headline"];
    static readonly string[] OutletTags = ["og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site"];
    static readonly string[] AuthorTags = ["author", "article:author", "parsely-author", "dc.creator", "byl", "sailthru.author"];

    public static DocumentMetadata Read(IDocument document, JsonLdArticle? jsonLd)
    {
        var meta = MetaValues(document);
        string? Tag(params string[] names) => names.Select(n => meta.GetValueOrDefault(n)).FirstOrDefault(v => v is not null);
        string? TagName(string[] names) => names.FirstOrDefault(meta.ContainsKey);

        var url = Make(jsonLd?.Url, "JSON-LD url") is { } fromJson && IsAbsoluteUrl(fromJson.Value) ? fromJson : null;
        url = Link(document, "canonical") is { } canonical ? new(canonical, "link rel=canonical") : Absolute(Tag("og:url"), "og:url") ?? url;

        var published = ParseDate(jsonLd?.DatePublished, "JSON-LD datePublished")
            ?? (TagName(DateTags) is { } dateTag ? ParseDate(meta[dateTag], dateTag) : null)
            ?? TimeElement(document)
            ?? (url is not null ? DateFromUrl(url.Value) : null);

        // og:site_name is the site's own name for itself, preferred over a JSON-LD publisher (often the parent company).
        var outlet = Make(Tag("og:site_name"), "og:site_name") ?? Make(jsonLd?.Publisher, "JSON-LD publisher")
            ?? (TagName(OutletTags) is { } outletTag ? Make(meta[outletTag]?.TrimStart('@'), outletTag) : null);

        var authorTag = TagName(AuthorTags);
        var author = Make(jsonLd?.Author, "JSON-LD author") ?? (authorTag is not null && !IsAbsoluteUrl(meta[authorTag]!) ? Make(meta[authorTag], authorTag) : null);

        var language = Make(jsonLd?.Language, "JSON-LD inLanguage") ?? Make(document.DocumentElement.GetAttribute("lang"), "html lang")
            ?? Make(Tag("content-language"), "meta content-language") ?? Make(Tag("og:locale")?.Replace('_', '-'), "og:locale");

        var headline = Make(jsonLd?.Headline, "JSON-LD headline") ?? (TagName(HeadlineTags) is { } headTag ? Make(meta[headTag], headTag) : null)
            ?? Make(document.QuerySelector("h1")?.TextContent, "the first h1") ?? Make(document.Title, "title");
        return new DocumentMetadata { Headline = Squash(headline), Published = published, Outlet = outlet, Url = url, Author = author, Language = language };
    }

    /// <summary>Runs of whitespace (line breaks in a title element) made one space.</summary>
    static Found<string>? Squash(Found<string>? value) => value is null ? null : value with { Value = string.Join(' ', value.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) };

    /// <summary>Meta values by lower-case name, property, itemprop or http-equiv; the first of each name wins.</summary>
    static Dictionary<string, string?> MetaValues(IDocument document)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var content = element.GetAttribute("content")?.Trim();
            if (string.IsNullOrEmpty(content)) continue;
            foreach (var key in new[] { "property", "name", "itemprop", "http-equiv" })
            {
                if (element.GetAttribute(key)?.Trim() is { Length: > 0 } name) values.TryAdd(name, content);
            }
        }
        // Microdata on other elements: <span itemprop="datePublished" content="…">, <time itemprop="datePublished" datetime="…">.
        foreach (var element in document.QuerySelectorAll("[itemprop=datePublished]:not(meta)"))
        {
            if ((element.GetAttribute("datetime") ?? element.GetAttribute("content"))?.Trim() is { Length: > 0 } value) values.TryAdd("datePublished", value);
        }
        return values;
    }

    static string? Link(IDocument document, string rel) =>
        document.QuerySelector($"link[rel='{rel}' i][href]")?.GetAttribute("href")?.Trim() is { } href && IsAbsoluteUrl(href) ? href : null;

    static Found<string>? Absolute(string? value, string from) => value is not null && IsAbsoluteUrl(value) ? new(value, from) : null;

    static bool IsAbsoluteUrl(string value) => Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    static Found<string>? Make(string? value, string from) => string.IsNullOrWhiteSpace(value) ? null : new(value.Trim(), from);

    /// <summary>A published <c>&lt;time&gt;</c>: one marked as the publication date, else the first in the article element.</summary>
    static Found<DateReading>? TimeElement(IDocument document)
    {
        var marked = document.QuerySelector("time[pubdate][datetime], time[class*=publish i][datetime], [class*=publish i] time[datetime]");
        if (marked is not null && ParseDate(marked.GetAttribute("datetime"), "the page's publication <time>") is { } date) return date;
        var first = document.QuerySelector("article time[datetime]") ?? document.QuerySelector("main time[datetime]");
        return first is null ? null : ParseDate(first.GetAttribute("datetime"), "the first <time> of the article") is { } found ? found with { Guessed = true } : null;
    }

    /// <summary>
    /// A date stated in a page: ISO 8601 (with or without a time and offset), or a written date. The day is the one in the
    /// page's own time zone (2016-12-09T23:30:00+03:00 is the 9th), not converted to UTC.
    /// </summary>
    public static Found<DateReading>? ParseDate(string? value, string from)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Plausible(day) ? new(new DateReading(day, DatePrecision.Day), from) : null;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var moment) && Plausible(DateOnly.FromDateTime(moment.DateTime)))
        {
            return new(new DateReading(DateOnly.FromDateTime(moment.DateTime), DatePrecision.Day), from);
        }
        return DateReading.FindAll(value).FirstOrDefault() is { Precision: DatePrecision.Day } written ? new(written, from) : null;
    }

    static bool Plausible(DateOnly day) => day.Year is >= 1990 and <= 2100;

    /// <summary>
    /// The date in a URL's path, as news sites write it: <c>/2016/12/09/</c>, <c>/2016-12-09/</c>, <c>/20161209/</c>, or a
    /// year and month only (<c>/2016/12/</c>). A guess: a path date is usually the publication day, not always.
    /// </summary>
    public static Found<DateReading>? DateFromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var parts = uri.AbsolutePath.Split(['/', '_', '.'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length >= 10 && TryDay(part[..10].Replace('_', '-'), "yyyy-MM-dd", out var dashed)) return Guess(dashed, DatePrecision.Day);
            if (part.Length == 8 && TryDay(part, "yyyyMMdd", out var compact)) return Guess(compact, DatePrecision.Day);
            if (part.Length != 4 || !int.TryParse(part, out var year) || year is < 1990 or > 2100 || i + 1 >= parts.Length) continue;
            if (!int.TryParse(parts[i + 1], out var month) || month is < 1 or > 12 || parts[i + 1].Length > 2) continue;
            if (i + 2 < parts.Length && parts[i + 2].Length <= 2 && int.TryParse(parts[i + 2], out var d) && d >= 1 && d <= DateTime.DaysInMonth(year, month))
            {
                return Guess(new DateOnly(year, month, d), DatePrecision.Day);
            }
            return Guess(new DateOnly(year, month, 1), DatePrecision.Month);
        }
        return null;

        static bool TryDay(string text, string format, out DateOnly day) =>
            DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && Plausible(day);

        static Found<DateReading> Guess(DateOnly day, DatePrecision precision) => new(new DateReading(day, precision), "the URL's date", Guessed: true);
    }
}
