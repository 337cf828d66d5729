namespace AleppoDashboard.Ingest.Files;

/// <summary>
/// An article read and split: its headline, its body, the SHA-256 of its bytes, warnings worth keeping, and what the
/// file itself states about the article (a saved page's meta tags, a JSON record's fields), when it states anything.
/// </summary>
public sealed record LoadedText(string Headline, string Body, string FullText, string ContentHash, IReadOnlyList<string> Warnings, DocumentMetadata? Document = null);
