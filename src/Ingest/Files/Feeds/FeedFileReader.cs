using System.Security.Cryptography;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using AleppoDashboard.Ingest.Files.Html;
using AngleSharp.Html.Parser;

namespace AleppoDashboard.Ingest.Files.Feeds;

/// <summary>
/// Reads an RSS 2.0 or Atom 1.0 feed file. Each item that carries its full text (RSS <c>content:encoded</c>, Atom
/// <c>content</c>) becomes an article; an item with only a summary (RSS <c>description</c>, Atom <c>summary</c>) is
/// reported and not loaded, since a teaser is not the article. An item's source name is the file's, '#' and the item's
/// id (its guid or link), so a refreshed feed file updates the same articles.
/// </summary>
public static class FeedFileReader
{
    const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

    public static IReadOnlyList<LoadedItem> Parse(string file, byte[] bytes)
    {
        SyndicationFeed feed;
        try
        {
            // No DTDs and no external entities: a feed file is untrusted input.
            using var xml = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            feed = SyndicationFeed.Load(xml);
        }
        // NotSupportedException: an <rss> root without a version the formatter knows (found by fuzzing: "<rss></rss>").
        catch (Exception e) when (e is XmlException or FormatException or ArgumentException or NotSupportedException)
        {
            throw new FileRejectedException($"is not an RSS or Atom feed ({OneLineText.Of(e.Message.Split('\n')[0])}).");
        }
        var items = new List<LoadedItem>();
        var position = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in feed.Items)
        {
            position++;
            var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri?.ToString();
            var id = item.Id is { Length: > 0 } guid ? guid : link ?? position.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var key = seen.Add(id) ? $"{file}#{id}" : $"{file}#{id}#{position}";
            items.Add(Read(feed, item, key, position, link));
        }
        if (items.Count == 0) throw new FileRejectedException("is a feed with no items.");
        return items;
    }

    static LoadedItem Read(SyndicationFeed feed, SyndicationItem item, string key, int position, string? link)
    {
        var title = item.Title?.Text is { } t ? Plain(t) : null;
        var label = title is null ? $"item {position}" : $"item {position} (\"{Shorten(title)}\")";
        var content = FullContent(item);
        if (content is null)
        {
            return new(key, null, item.Summary is null
                ? $"{label} has no text."
                : $"{label} carries only a summary ({Words(Plain(item.Summary.Text))} words), not the article; not loaded.");
        }
        var body = Plain(content);
        if (body.Length == 0) return new(key, null, $"{label} has empty content.");
        var warnings = new List<string>();
        if (title is null)
        {
            title = body.Split('\n', 2)[0];
            warnings.Add($"The feed's {label} has no title; the first line of its text is used.");
        }
        var published = DateOf(() => item.PublishDate, warnings, label) is var stated && stated != default ? stated : DateOf(() => item.LastUpdatedTime, warnings, label);
        var doc = new DocumentMetadata
        {
            Headline = new(title, "the feed item's title"),
            Published = published != default ? PageMetadataReader.ParseDate(published.ToString("yyyy-MM-ddTHH:mm:sszzz"), "the feed item's date") : null,
            Outlet = feed.Title?.Text is { Length: > 0 } name ? new(Plain(name), "the feed's title") : null,
            Url = link is not null ? new(link, "the feed item's link") : null,
            Author = item.Authors.Select(a => a.Name ?? a.Email).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) is { } author ? new(author, "the feed item's author") : null,
            Language = feed.Language is { Length: > 0 } language ? new(language, "the feed's language") : null,
        };
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key + "\n" + title + "\n" + content + "\n" + published.ToString("O"))));
        return new(key, new LoadedText(title, body, title + "\n\n" + body, hash, warnings, doc), null);
    }

    /// <summary>The item's full text: RSS content:encoded, or Atom content (text or HTML).</summary>
    static string? FullContent(SyndicationItem item)
    {
        var encoded = item.ElementExtensions.Where(e => e.OuterName == "encoded" && e.OuterNamespace == ContentModule)
            .Select(e => e.GetObject<string>()).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));
        if (encoded is not null) return encoded;
        return item.Content is TextSyndicationContent { Text: { Length: > 0 } text } ? text : null;
    }

    /// <summary>Feed text is often HTML: read as a page fragment, text only.</summary>
    static string Plain(string text) =>
        text.Contains('<') || text.Contains('&') ? BlockText.Of(new HtmlParser().ParseDocument("<body>" + text + "</body>").Body!) : text.Trim();

    static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    static string Shorten(string text) => OneLineText.Of(text.Length <= 60 ? text : text[..57] + "…");

    /// <summary>
    /// An item's date, or none when it cannot be read: the formatter parses dates only when they are asked for and
    /// throws then (found by fuzzing: an Atom &lt;updated&gt; of "2016-13-45"); a bad date loses the date, not the article.
    /// </summary>
    static DateTimeOffset DateOf(Func<DateTimeOffset> read, List<string> warnings, string label)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is System.Xml.XmlException or FormatException)
        {
            warnings.Add($"The feed's {label} has a date that cannot be read; it is left without one.");
            return default;
        }
    }
}
