using AngleSharp.Dom;

namespace AleppoDashboard.Ingest.Files.Html;

/// <summary>
/// Removes from an extracted article the blocks that are mostly links: "Related: …", "SEE MORE: …", lists of other
/// stories, tag lists. A paragraph of the article may hold links, but rarely are most of its words a link's.
/// </summary>
public static class LinkBlocks
{
    /// <summary>Above this share of link text, a short block is a link to elsewhere, not article text.</summary>
    const double MaxLinkShare = 0.5;

    public static void Remove(IElement root)
    {
        foreach (var block in root.QuerySelectorAll("p, li, h2, h3, h4, h5, h6, ul, ol, dl, div, span").ToList())
        {
            if (block.Parent is null) continue;
            var text = Letters(block.TextContent);
            if (text == 0) continue;
            var links = block.QuerySelectorAll("a").Sum(a => Letters(a.TextContent));
            if (links > text * MaxLinkShare && (text < 400 || block.LocalName is "ul" or "ol" or "dl")) block.Remove();
        }
    }

    static int Letters(string text)
    {
        var count = 0;
        foreach (var c in text) if (char.IsLetterOrDigit(c)) count++;
        return count;
    }
}
