using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>A source named in a sentence; <see cref="IsRelay"/> when it only passes the words on ("told Reuters", "carried by SANA").</summary>
public sealed record SourceHit(int Start, int End, SourcePattern Source, bool IsRelay);
