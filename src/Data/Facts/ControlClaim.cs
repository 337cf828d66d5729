namespace AleppoDashboard.Data.Facts;

/// <summary>
/// A claim about how much of Aleppo (or east Aleppo, or one neighbourhood) government forces hold.
/// <see cref="ValuePercent"/> is always the government share, 0–100.
/// </summary>
public sealed class ControlClaim : SentenceSpan
{
    public double ValuePercent { get; set; }
    public ClaimKind Kind { get; set; }
    /// <summary><c>east</c>, <c>city</c> or <c>place:&lt;id&gt;</c> (<see cref="ClaimScopes"/>).</summary>
    public required string Scope { get; set; }
    public int? Count { get; set; }
    public int? Of { get; set; }
    public ClaimHedge Hedge { get; set; }
    /// <summary>The figure as the text states it, when that was the other side's share and <see cref="ValuePercent"/> is converted from it.</summary>
    public double? StatedPercent { get; set; }
    /// <summary>Whose share <see cref="StatedPercent"/> was: <c>rebels</c>, or <c>government, lost</c>; null when the text gives the government's share.</summary>
    public string? StatedHolder { get; set; }
    /// <summary>Who the article attributes the claim to; the outlet itself when nobody.</summary>
    public required string AttributedTo { get; set; }
}
