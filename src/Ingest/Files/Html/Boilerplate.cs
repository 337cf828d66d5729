using AngleSharp.Dom;

namespace AleppoDashboard.Ingest.Files.Html;

/// <summary>
/// Removes what is on a news page but not in its article, before Readability looks for the article: navigation,
/// captions and photo credits, share widgets, related links, comments, newsletter and subscription boxes, ads, bylines.
/// These are found by element (<c>nav</c>, <c>aside</c>, <c>figcaption</c>…), by ARIA role, and by the words of their
/// class and id (split at '-' and '_', so <c>related-links</c> and <c>share_bar</c> match, <c>shared</c> and
/// <c>relatedness</c> do not). An element that holds the headline or most of the page's text is never removed:
/// on some sites the article's own container is named like boilerplate.
/// </summary>
public static class Boilerplate
{
    static readonly string[] Elements = ["nav", "aside", "figcaption", "form", "footer", "dialog", "noscript", "button", "select", "iframe", "svg"];

    static readonly string[] Roles = ["navigation", "complementary", "banner", "contentinfo", "dialog", "search", "menu", "menubar"];

    /// <summary>Words in class or id names that mark boilerplate. Whole parts of a name only (see the class summary).</summary>
    static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "caption", "credit", "credits", "share", "sharing", "social", "related", "recommended", "recirculation", "recirc", "comment", "comments",
        "newsletter", "subscribe", "subscription", "signup", "promo", "advert", "advertisement", "ad", "ads", "adslot", "sponsored", "outbrain",
        "taboola", "byline", "breadcrumb", "breadcrumbs", "cookie", "cookies", "consent", "popup", "modal", "sidebar", "widget", "tags", "tag",
        "toolbar", "masthead", "navbar", "menu", "pagination", "trending", "popular", "most", "more", "author", "bio", "timestamp", "dateline",
        "disclaimer", "copyright", "follow", "subnav", "skip", "offscreen", "tooltip", "hovercard", "rail", "rollover", "popover", "flyout", "dropdown", "promoted", "nocontent",
    };

    /// <summary>Words that name the article's own container: a class with one of them is kept whatever else it says ("article-overlay", "content-with-sidebar").</summary>
    static readonly HashSet<string> ContentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "article", "articlebody", "body", "content", "entry", "story", "post", "main", "text", "prose",
    };

    public static void Remove(IDocument document)
    {
        var body = document.Body;
        if (body is null) return;
        var pageText = Math.Max(1, ParagraphText(body));
        var doomed = new List<IElement>();
        foreach (var element in body.QuerySelectorAll("*"))
        {
            if (IsBoilerplate(element)) doomed.Add(element);
        }
        foreach (var element in doomed)
        {
            // Already gone with an ancestor, or too much of the page to be anything but the article's container.
            if (element.Parent is null || !body.Contains(element)) continue;
            if (element.LocalName is not ("figcaption" or "nav") && (element.QuerySelector("h1") is not null || ParagraphText(element) > pageText * 0.25)) continue;
            element.Remove();
        }
    }

    static bool IsBoilerplate(IElement element)
    {
        // A photo or video with its caption; a figure with much text is more likely a quotation or a table.
        if (element.LocalName == "figure") return element.TextContent.Length < 400;
        if (Array.IndexOf(Elements, element.LocalName) >= 0) return true;
        if (element.GetAttribute("role") is { } role && Array.IndexOf(Roles, role.Trim().ToLowerInvariant()) >= 0) return true;
        if (BlockText.IsHidden(element)) return true;
        var names = element.GetAttribute("class") + " " + element.Id;
        return HasWord(names, Words) && !HasWord(names, ContentWords);
    }

    /// <summary>The length of the text in an element's paragraphs: article text, unlike scripts and menus.</summary>
    static int ParagraphText(IElement element) => element.QuerySelectorAll("p").Sum(p => p.TextContent.Length);

    static bool HasWord(string names, HashSet<string> words)
    {
        foreach (var part in names.Split([' ', '-', '_', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (words.Contains(part)) return true;
        }
        return false;
    }
}
