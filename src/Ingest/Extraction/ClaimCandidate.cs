using AleppoDashboard.Data.Facts;
namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// A control claim found in a sentence, before attribution: span offsets are into the sentence text; the value is the
/// government's share. <see cref="SpeakerIsActor"/> when the share is the speaker's own ("we still hold half"), so the
/// caller turns it round when the speaker is on the rebel side. <see cref="PointsBack"/> when its object is "this district" or
/// "the neighbourhood": the caller sets the scope to the place named just before.
/// </summary>
public sealed record ClaimCandidate(int Start, int End, double ValuePercent, ClaimKind Kind, string Scope, int? Count, int? Of, ClaimHedge Hedge,
    bool SpeakerIsActor = false, bool PointsBack = false)
{
    /// <summary>The figure as the text gives it, when it is the other side's share and <see cref="ValuePercent"/> was converted from it.</summary>
    public double? StatedPercent { get; init; }

    /// <summary>Whose share the stated figure was: <c>rebels</c> ("7 percent remains under rebel control"), or <c>government, lost</c> ("the army lost a tenth").</summary>
    public string? StatedHolder { get; init; }

    /// <summary>
    /// The same claim from the other side: the rest of the share, its count, and the hedge turned round; the figure as
    /// stated is kept (<see cref="StatedPercent"/>), and turning it round again gives the claim as stated.
    /// </summary>
    public ClaimCandidate Inverted() => this with
    {
        StatedPercent = StatedPercent is null ? ValuePercent : null,
        StatedHolder = StatedPercent is null ? Data.Facts.StatedShare.Rebels : null,
        ValuePercent = Math.Round(100 - ValuePercent, 2),
        Count = Count is { } c && Of is { } of ? of - c : Count,
        Hedge = Hedge.Opposite(),
    };
}
