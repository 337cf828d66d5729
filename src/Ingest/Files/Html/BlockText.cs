using System.Text;
using AngleSharp.Dom;

namespace AleppoDashboard.Ingest.Files.Html;

/// <summary>
/// The text of an element as a reader sees it: whitespace collapsed within a block, one paragraph per block element
/// (paragraphs, headings, list items, table rows, divs), separated by a blank line; scripts, styles and hidden
/// elements left out. The result is plain text: nothing of the page is ever rendered as HTML.
/// </summary>
public static class BlockText
{
    static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "thead", "tbody", "figure", "figcaption", "form", "fieldset", "address", "hr", "center",
    };

    static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "button", "select", "textarea", "input", "head", "title", "meta", "link",
    };

    public static string Of(INode root)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        Walk(root, current, paragraphs);
        Flush(current, paragraphs);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>The text of one element on one line (a headline, a caption).</summary>
    public static string Line(INode root) => string.Join(' ', Of(root).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    static void Walk(INode node, StringBuilder current, List<string> paragraphs)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    Append(current, text.Data);
                    break;
                case IElement element when Skipped.Contains(element.LocalName) || IsHidden(element):
                    break;
                case IElement { LocalName: "br" }:
                    Flush(current, paragraphs);
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    Flush(current, paragraphs);
                    Walk(element, current, paragraphs);
                    Flush(current, paragraphs);
                    break;
                case IElement element:
                    // Table cells on one line, apart.
                    if (element.LocalName is "td" or "th") Append(current, " ");
                    Walk(element, current, paragraphs);
                    break;
            }
        }
    }

    internal static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden")
        || element.GetAttribute("aria-hidden") == "true"
        || element.GetAttribute("style")?.Replace(" ", "") is { } style && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase));

    static void Append(StringBuilder current, string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (current.Length > 0 && current[^1] != ' ') current.Append(' ');
            }
            else
            {
                current.Append(c);
            }
        }
    }

    static void Flush(StringBuilder current, List<string> paragraphs)
    {
        var line = current.ToString().Trim();
        if (line.Length > 0) paragraphs.Add(line);
        current.Clear();
    }
}
