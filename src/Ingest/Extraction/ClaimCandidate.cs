namespace AleppoDashboard.Ingest.Extraction;

/// <summary>A control claim found in a sentence, before attribution: span offsets are into the sentence text.</summary>
public sealed record ClaimCandidate(int Start, int End, double ValuePercent, string Kind, string Scope, int? Count, int? Of, string Hedge);
