namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// A control claim found in a sentence, before attribution: span offsets are into the sentence text; the value is the
/// government's share. <see cref="SpeakerIsActor"/> when the share is the speaker's own ("we still hold half"), so the
/// caller turns it round when the speaker is on the rebel side.
/// </summary>
public sealed record ClaimCandidate(int Start, int End, double ValuePercent, string Kind, string Scope, int? Count, int? Of, string Hedge, bool SpeakerIsActor = false)
{
    /// <summary>The same claim from the other side: the rest of the share, its count, and the hedge turned round.</summary>
    public ClaimCandidate Inverted() => this with
    {
        ValuePercent = Math.Round(100 - ValuePercent, 2),
        Count = Count is { } c && Of is { } of ? of - c : Count,
        Hedge = Hedge switch { "over" => "under", "under" => "over", "nearly" => "over", "at least" => "under", _ => Hedge },
    };
}
