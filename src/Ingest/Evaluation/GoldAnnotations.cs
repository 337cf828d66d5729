using System.Text.Json;
using System.Text.Json.Serialization;

namespace AleppoDashboard.Ingest.Evaluation;

/// <summary>One annotated article of a gold file (the format is documented in Reference/EXTRACTION.md).</summary>
public sealed record GoldArticle(string File, IReadOnlyList<string> Neighbourhoods, IReadOnlyList<GoldClaim> Claims, IReadOnlyList<string> Optional);

/// <summary>A hand-annotated control claim: <see cref="ValuePercent"/> is always the government's share.</summary>
public sealed record GoldClaim(string Text, double ValuePercent, string Scope, string Kind, int? Count, int? Of, bool Hypothetical, string? HolderInText);

/// <summary>A gold file that cannot be used, with a one-line reason.</summary>
public sealed class GoldFileException(string message) : Exception(message);

/// <summary>Reads and checks a gold file: a JSON array of articles, each naming its file, places and claims.</summary>
public static class GoldAnnotations
{
    static readonly string[] Kinds = ["area", "fraction", "neighbourhood_count"];

    sealed class RawArticle
    {
        [JsonPropertyName("file")] public string? File { get; set; }
        [JsonPropertyName("neighbourhoods")] public List<string>? Neighbourhoods { get; set; }
        [JsonPropertyName("claims")] public List<RawClaim>? Claims { get; set; }
        [JsonPropertyName("optional")] public List<string>? Optional { get; set; }
    }

    sealed class RawClaim
    {
        [JsonPropertyName("text")] public string? Text { get; set; }
        [JsonPropertyName("value_percent")] public double? ValuePercent { get; set; }
        [JsonPropertyName("scope")] public string? Scope { get; set; }
        [JsonPropertyName("kind")] public string? Kind { get; set; }
        [JsonPropertyName("count")] public int? Count { get; set; }
        [JsonPropertyName("of")] public int? Of { get; set; }
        [JsonPropertyName("hypothetical")] public bool? Hypothetical { get; set; }
        [JsonPropertyName("holder_in_text")] public string? HolderInText { get; set; }
    }

    public static IReadOnlyList<GoldArticle> Load(string path)
    {
        if (!File.Exists(path)) throw new GoldFileException($"gold file '{path}' does not exist.");
        List<RawArticle?>? raw;
        try
        {
            using var stream = File.OpenRead(path);
            raw = JsonSerializer.Deserialize<List<RawArticle?>>(stream);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new GoldFileException($"gold file '{path}' is not valid: {FirstLine(e.Message)}{where}; it must be a JSON array of articles.");
        }
        catch (IOException e)
        {
            throw new GoldFileException($"gold file '{path}' cannot be read: {e.Message}");
        }
        if (raw is null) throw new GoldFileException($"gold file '{path}' holds null; it must be a JSON array of articles.");
        var articles = new List<GoldArticle>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < raw.Count; i++)
        {
            var entry = raw[i] ?? throw new GoldFileException($"gold entry {i + 1} is null.");
            if (string.IsNullOrWhiteSpace(entry.File)) throw new GoldFileException($"gold entry {i + 1} has no \"file\".");
            if (!seen.Add(entry.File)) throw new GoldFileException($"gold entry {i + 1}: \"{entry.File}\" is annotated twice.");
            var claims = (entry.Claims ?? []).Select((c, k) => CheckClaim(entry.File, k + 1, c)).ToList();
            articles.Add(new GoldArticle(entry.File, CheckNames(entry.File, "neighbourhoods", entry.Neighbourhoods),
                claims, CheckNames(entry.File, "optional", entry.Optional)));
        }
        return articles;
    }

    static List<string> CheckNames(string file, string field, List<string>? names)
    {
        if (names is null) return [];
        if (names.Any(string.IsNullOrWhiteSpace)) throw new GoldFileException($"{file}: \"{field}\" has an empty name.");
        return names;
    }

    static GoldClaim CheckClaim(string file, int number, RawClaim? c)
    {
        var where = $"{file}, claim {number}";
        if (c is null) throw new GoldFileException($"{where} is null.");
        if (string.IsNullOrWhiteSpace(c.Text)) throw new GoldFileException($"{where} has no \"text\".");
        if (c.ValuePercent is not { } value || value is < 0 or > 100)
        {
            throw new GoldFileException($"{where} needs \"value_percent\" between 0 and 100.");
        }
        if (c.Kind is null || !Kinds.Contains(c.Kind)) throw new GoldFileException($"{where}: \"kind\" must be one of {string.Join(", ", Kinds)}.");
        if (c.Scope is not ("east" or "city") && c.Scope?.StartsWith("neighbourhood:", StringComparison.Ordinal) != true)
        {
            throw new GoldFileException($"{where}: \"scope\" must be east, city or neighbourhood:<name>.");
        }
        if (c.Kind == "neighbourhood_count" && (c.Count is null || c.Of is null or 0))
        {
            throw new GoldFileException($"{where}: a neighbourhood_count needs \"count\" and \"of\".");
        }
        return new GoldClaim(c.Text, value, c.Scope, c.Kind, c.Count, c.Of, c.Hypothetical == true, c.HolderInText);
    }

    static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
