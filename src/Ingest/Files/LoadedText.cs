namespace AleppoDashboard.Ingest.Files;

/// <summary>An article file read and split: its headline, its body, the SHA-256 of its bytes, and warnings worth keeping.</summary>
public sealed record LoadedText(string Headline, string Body, string FullText, string ContentHash, IReadOnlyList<string> Warnings);
