using System.Text.Json;
using AngleSharp.Html.Parser;
using AleppoDashboard.Ingest.Files.Html;

namespace AleppoDashboard.Ingest.Files.JsonLines;

/// <summary>
/// One article as a JSON object, in either shape:
/// <list type="bullet">
/// <item>news-please: <c>title</c>, <c>maintext</c>, <c>date_publish</c>, <c>source_domain</c>, <c>url</c>, <c>language</c>, <c>authors</c>;</item>
/// <item>plain: <c>headline</c>, <c>body</c>, <c>published</c>, <c>outlet</c>, <c>url</c>, and optionally <c>language</c>, <c>author</c>.</item>
/// </list>
/// A body that is HTML (starts with a tag) is read as a page fragment, as text only.
/// </summary>
public static class JsonRecord
{
    public static LoadedItem Read(string key, JsonElement record, byte[] raw)
    {
        try
        {
            return ReadRecord(key, record, raw);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses a string with a lone surrogate escape ("\ud800") only when the string is read,
            // not when the document is parsed (found by fuzzing): such a string is not text.
            return new(key, null, $"record {key[(key.LastIndexOf('#') + 1)..]} has a string with a lone surrogate escape (\\ud800-\\udfff), which is not text.");
        }
    }

    static LoadedItem ReadRecord(string key, JsonElement record, byte[] raw)
    {
        var line = key[(key.LastIndexOf('#') + 1)..];
        if (record.ValueKind != JsonValueKind.Object) return new(key, null, $"record {line} is not a JSON object.");
        var newsPlease = record.TryGetProperty("maintext", out _);
        var shape = newsPlease ? "news-please" : "plain";
        var body = Text(record, newsPlease ? "maintext" : "body");
        if (body is null)
        {
            return new(key, null, newsPlease ? $"record {line} has an empty 'maintext'." : $"record {line} has no article text ('body', or news-please's 'maintext').");
        }
        if (body.TrimStart().StartsWith('<')) body = BlockText.Of(new HtmlParser().ParseDocument(body).Body!);
        body = body.Replace("\r\n", "\n").Trim();
        // A body that starts like a tag but holds no text once read as HTML ("<x" and nothing else) is no article
        // (found by fuzzing: such a record was stored with an empty text).
        if (body.Length == 0) return new(key, null, $"record {line} has no article text once its HTML is read.");
        var headline = Text(record, newsPlease ? "title" : "headline") ?? Text(record, "title");
        var warnings = new List<string>();
        if (headline is null)
        {
            headline = body.Split('\n', 2)[0];
            warnings.Add($"Record {line} has no headline; the body's first line is used.");
            body = body.Contains('\n') ? body.Split('\n', 2)[1].Trim() : body;
        }
        var field = (string name) => $"the {shape} field '{name}'";
        var published = newsPlease ? "date_publish" : "published";
        var doc = new DocumentMetadata
        {
            Headline = new(headline, field(newsPlease ? "title" : "headline")),
            Published = Html.PageMetadataReader.ParseDate(Text(record, published), field(published)),
            // news-please gives a domain, not a name: a guess, mapped through outlets.csv's domains when listed there.
            Outlet = newsPlease
                ? Text(record, "source_domain") is { } domain ? new(domain, field("source_domain"), Guessed: true) : null
                : Text(record, "outlet") is { } outlet ? new(outlet, field("outlet")) : null,
            Url = Text(record, "url") is { } url ? new(url, field("url")) : null,
            Author = Names(record, newsPlease ? "authors" : "author") is { } author ? new(author, field(newsPlease ? "authors" : "author")) : null,
            Language = Text(record, "language") is { } language ? new(language, field("language")) : null,
        };
        if (Text(record, published) is { } unreadable && doc.Published is null) warnings.Add($"Record {line}: '{published}' value '{OneLineText.Of(unreadable)}' is not a date.");
        var text = new LoadedText(headline, body, headline + "\n\n" + body, JsonLinesReader.HashOf(raw), warnings, doc);
        return new(key, text, null);
    }

    static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    static string? Names(JsonElement record, string name)
    {
        if (!record.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.String) return Text(record, name);
        if (value.ValueKind != JsonValueKind.Array) return null;
        var names = value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!.Trim()).Where(v => v.Length > 0).ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }
}
