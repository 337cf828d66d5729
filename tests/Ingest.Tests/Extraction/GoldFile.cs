using System.Text.Json;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Ingest.Tests.Extraction;

/// <summary>A hand-annotated gold file (Gold/*.gold.json): per article, its place mentions and control claims.</summary>
public sealed record GoldFile(List<GoldArticle> Articles)
{
    public static string Folder => Path.Combine(RepoPaths.Tests, "Ingest.Tests", "Extraction", "Gold");

    static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static GoldFile Load(string name) =>
        JsonSerializer.Deserialize<GoldFile>(File.ReadAllText(Path.Combine(Folder, name)), Options)
            ?? throw new InvalidOperationException($"{name} is empty.");
}

public sealed record GoldArticle(string File, string Outlet, List<string[]> Mentions, List<GoldClaim> Claims);

public sealed record GoldClaim(string Text, double Value, string Kind, string Scope, int? Count, int? Of, string Hedge, string AttributedTo)
{
    public override string ToString() => $"{Value:0.##}% {Kind} {Scope} {Count}/{Of} {Hedge} by {AttributedTo} [{Text}]";
}
