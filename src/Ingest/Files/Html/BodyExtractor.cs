using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AleppoDashboard.Ingest.Files.Html;

/// <summary>
/// The article body of a parsed page, in three steps: the project's boilerplate rules (<see cref="Boilerplate"/>) clear
/// menus, captions, widgets and related links; Readability (SmartReader, a port of Mozilla's) picks the article's
/// container; blocks that are mostly links are dropped (<see cref="LinkBlocks"/>). When Readability finds nothing, the
/// page's JSON-LD <c>articleBody</c>, if it has one, is the body.
/// </summary>
public static class BodyExtractor
{
    public static string Extract(IHtmlDocument document, string? url, JsonLdArticle? jsonLd)
    {
        Boilerplate.Remove(document);
        // Readability changes the document it reads; the fallback reads the page as the boilerplate rules left it.
        var fallback = ParagraphCluster.Find(document.Body!)?.Clone() as AngleSharp.Dom.IElement;
        using var reader = new SmartReader.Reader(url ?? "https://localhost/", document) { CharThreshold = 200 };
        var article = reader.GetArticle();
        var text = "";
        if (article.IsReadable && !string.IsNullOrWhiteSpace(article.Content))
        {
            var fragment = new HtmlParser().ParseDocument(article.Content);
            LinkBlocks.Remove(fragment.Body!);
            text = BlockText.Of(fragment.Body!);
        }
        if (text.Length < 200 && fallback is not null)
        {
            LinkBlocks.Remove(fallback);
            if (BlockText.Of(fallback) is { } clustered && clustered.Length > text.Length) text = clustered;
        }
        return text.Length < 200 && jsonLd?.Body is { Length: > 200 } stated ? Paragraphs(stated) : text;
    }

    /// <summary>JSON-LD article text: sometimes HTML-escaped markup, sometimes plain text with line breaks.</summary>
    static string Paragraphs(string stated) =>
        stated.Contains('<') ? BlockText.Of(new HtmlParser().ParseDocument(stated).Body!) : stated.Replace("\r\n", "\n");
}
