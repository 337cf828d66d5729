using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AleppoDashboard.Ingest.Files.JsonLines;

/// <summary>
/// Reads articles exported as JSON Lines (one JSON object a line: <c>.jsonl</c>, <c>.ndjson</c>) or as JSON (an array of
/// objects, or one object: <c>.json</c>). Two record shapes are understood (<see cref="JsonRecord"/>): news-please's and
/// a plain one. A bad line is reported with its line number and reason; the other lines load. Each record's source name
/// is the file's and its line (<c>export.jsonl#12</c>), or its position in a JSON array (<c>export.json#3</c>).
/// </summary>
public static class JsonLinesReader
{
    static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };

    public static IReadOnlyList<LoadedItem> Parse(string file, byte[] bytes)
    {
        var text = DecodeUtf8(bytes);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('['))
        {
            return ParseArray(file, text);
        }
        var items = new List<LoadedItem>();
        var lines = text.Split('\n');
        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && TryParseWhole(text) is { RootElement.ValueKind: JsonValueKind.Object } whole)
        {
            using (whole) return [JsonRecord.Read($"{file}#1", whole.RootElement, bytes)];
        }
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var key = $"{file}#{i + 1}";
            try
            {
                using var json = JsonDocument.Parse(line, Options);
                items.Add(JsonRecord.Read(key, json.RootElement, Encoding.UTF8.GetBytes(line)));
            }
            catch (JsonException e)
            {
                items.Add(new(key, null, $"line {i + 1} is not valid JSON ({Short(e.Message)})."));
            }
        }
        if (items.Count == 0) throw new FileRejectedException("holds no JSON records.");
        return items;
    }

    static IReadOnlyList<LoadedItem> ParseArray(string file, string text)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            throw new FileRejectedException($"is not valid JSON ({Short(e.Message)}); nothing in it was loaded.");
        }
        using (json)
        {
            var items = new List<LoadedItem>();
            var n = 0;
            foreach (var element in json.RootElement.EnumerateArray())
            {
                n++;
                items.Add(JsonRecord.Read($"{file}#{n}", element, Encoding.UTF8.GetBytes(element.GetRawText())));
            }
            return items;
        }
    }

    static JsonDocument? TryParseWhole(string text)
    {
        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static string DecodeUtf8(byte[] bytes)
    {
        try
        {
            var body = bytes.AsSpan();
            if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) body = body[3..];
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException e)
        {
            throw new FileRejectedException($"is not valid UTF-8 (bad byte at offset {e.Index}); JSON must be UTF-8.");
        }
    }

    /// <summary>System.Text.Json's message without its trailing position details ("Path: $ | LineNumber: 0 | …").</summary>
    static string Short(string message) => OneLineText.Of(message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.'));

    internal static string HashOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
