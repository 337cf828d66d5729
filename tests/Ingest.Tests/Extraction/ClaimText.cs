using AleppoDashboard.Data.Facts;

namespace AleppoDashboard.Ingest.Tests.Extraction;

/// <summary>A claim as the gold files write it, for comparison and readable failure messages.</summary>
public static class ClaimText
{
    public static GoldClaim ToGold(ControlClaim c) =>
        new(c.MatchedText, Math.Round(c.ValuePercent, 2), c.Kind.ToText(), c.Scope, c.Count, c.Of, c.Hedge.ToText(), c.AttributedTo);
}
