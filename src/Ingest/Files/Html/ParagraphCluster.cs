using AngleSharp.Dom;

namespace AleppoDashboard.Ingest.Files.Html;

/// <summary>
/// The project's own fallback when Readability finds no article: the element whose paragraphs hold the most text.
/// Each paragraph of at least <see cref="MinParagraph"/> letters counts its length to its parent, and half to its
/// grandparent (articles often wrap every few paragraphs in a div); the best-scoring element is the article.
/// </summary>
public static class ParagraphCluster
{
    const int MinParagraph = 40;

    public static IElement? Find(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var p in body.QuerySelectorAll("p, pre, blockquote"))
        {
            var length = p.TextContent.Trim().Length;
            if (length < MinParagraph || p.ParentElement is not { } parent) continue;
            scores[parent] = scores.GetValueOrDefault(parent) + length;
            if (parent.ParentElement is { } grandparent) scores[grandparent] = scores.GetValueOrDefault(grandparent) + length / 2.0;
        }
        return scores.Count == 0 ? null : scores.MaxBy(s => s.Value).Key;
    }
}
