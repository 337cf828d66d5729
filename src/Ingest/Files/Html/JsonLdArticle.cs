using System.Text.Json;
using AngleSharp.Dom;

namespace AleppoDashboard.Ingest.Files.Html;

/// <summary>
/// The article object of a page's JSON-LD (<c>&lt;script type="application/ld+json"&gt;</c>): the first object,
/// searched through arrays and <c>@graph</c>, whose <c>@type</c> is an article type. Pages with broken JSON-LD (common)
/// are read as if they had none.
/// </summary>
public sealed class JsonLdArticle
{
    static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "BlogPosting", "LiveBlogPosting", "TechArticle", "ScholarlyArticle", "Report", "SocialMediaPosting",
    };

    readonly JsonElement article;

    JsonLdArticle(JsonElement article) => this.article = article;

    public static JsonLdArticle? Find(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (FindArticle(json.RootElement, 0) is { } found) return new JsonLdArticle(found.Clone());
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD with a stray comma or an unescaped quote: skipped.
            }
        }
        return null;
    }

    static JsonElement? FindArticle(JsonElement element, int depth)
    {
        if (depth > 6) return null;
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindArticle(item, depth + 1) is { } found) return found;
            }
            return null;
        }
        if (element.ValueKind != JsonValueKind.Object) return null;
        if (element.TryGetProperty("@type", out var type) && IsArticleType(type)) return element;
        if (element.TryGetProperty("@graph", out var graph)) return FindArticle(graph, depth + 1);
        if (element.TryGetProperty("mainEntity", out var main)) return FindArticle(main, depth + 1);
        return null;
    }

    static bool IsArticleType(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
        _ => false,
    };

    public string? Headline => Text(article, "headline") ?? Text(article, "name");
    public string? DatePublished => Text(article, "datePublished") ?? Text(article, "dateCreated");
    public string? Body => Text(article, "articleBody");
    public string? Language => Text(article, "inLanguage");
    public string? Publisher => NameOf(article, "publisher");
    public string? Author => NameOf(article, "author");

    public string? Url => Text(article, "url") ?? (article.TryGetProperty("mainEntityOfPage", out var main)
        ? main.ValueKind == JsonValueKind.String ? main.GetString() : Text(main, "@id") ?? Text(main, "url")
        : null);

    /// <summary>A name: a string, an object's <c>name</c>, or the names of an array's items joined with commas.</summary>
    static string? NameOf(JsonElement owner, string property)
    {
        if (!owner.TryGetProperty(property, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => Clean(value.GetString()),
            JsonValueKind.Object => Text(value, "name"),
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray()
                .Select(v => v.ValueKind == JsonValueKind.String ? Clean(v.GetString()) : v.ValueKind == JsonValueKind.Object ? Text(v, "name") : null)
                .OfType<string>().Distinct()) is { Length: > 0 } names ? names : null,
            _ => null,
        };
    }

    static string? Text(JsonElement owner, string property)
    {
        if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(property, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Array) value = value.EnumerateArray().FirstOrDefault();
        return value.ValueKind == JsonValueKind.String ? Clean(value.GetString()) : null;
    }

    static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : System.Net.WebUtility.HtmlDecode(value).Trim();
}
