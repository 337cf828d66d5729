using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// A source named in a sentence. <see cref="IsRelay"/> when it only passes the words on ("told Reuters", "carried by
/// SANA", a dateline's "(AFP)"); <see cref="Speaks"/> when a speech verb follows it at once ("a military source told").
/// </summary>
public sealed record SourceHit(int Start, int End, SourcePattern Source, bool IsRelay, bool Speaks);
