using System.Security.Cryptography;
using AngleSharp.Html.Parser;

namespace AleppoDashboard.Ingest.Files.Html;

/// <summary>
/// Reads a saved web page (<c>.html</c>, <c>.htm</c>, gzipped or not) into an article: headline, body and what the page
/// states about itself (<see cref="DocumentMetadata"/>). A page with no article (a home page, a login wall, an error
/// page) is rejected with a one-line reason.
/// </summary>
public static class HtmlPageReader
{
    public static LoadedText Parse(byte[] bytes)
    {
        var warnings = new List<string>();
        var html = HtmlDecoder.Decode(bytes, warnings);
        // Parsed as browsers parse (HTML5 tree construction): unclosed and misnested tags are repaired the same way.
        var document = new HtmlParser().ParseDocument(html);
        var jsonLd = JsonLdArticle.Find(document);
        var metadata = PageMetadataReader.Read(document, jsonLd);
        var ogType = document.QuerySelector("meta[property='og:type' i]")?.GetAttribute("content") ?? "";
        // Signs that the page is one article: it says so, states a date, has a dated URL, or has a single article element.
        var statedArticle = jsonLd is not null || ogType.StartsWith("article", StringComparison.OrdinalIgnoreCase) || metadata.Published is not null
            || document.QuerySelectorAll("article").Length == 1;
        var passwordField = document.QuerySelector("input[type=password i]") is not null;
        var body = BodyExtractor.Extract(document, metadata.Url?.Value, jsonLd);
        if (NoArticle.Reason(document.Title ?? "", passwordField, metadata, statedArticle, body) is { } reason)
        {
            throw new FileRejectedException(reason);
        }
        var headline = metadata.Headline?.Value ?? "";
        if (headline.Length == 0)
        {
            warnings.Add("The page states no headline; its first line is used.");
            headline = body.Split('\n', 2)[0];
        }
        // Readability keeps the headline when it is inside the article's container: it is stored once, as the headline.
        if (body.StartsWith(headline, StringComparison.Ordinal)) body = body[headline.Length..].TrimStart();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new LoadedText(headline, body, headline + "\n\n" + body, hash, warnings, metadata);
    }
}
