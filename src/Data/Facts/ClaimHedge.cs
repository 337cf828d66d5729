namespace AleppoDashboard.Data.Facts;

/// <summary>How a claim qualifies its figure. Stored as the words of <see cref="ClaimHedges.ToText"/> ("exact", "at least" ...).</summary>
public enum ClaimHedge
{
    Exact,
    /// <summary>"over", "more than".</summary>
    Over,
    /// <summary>"about", "around", "some".</summary>
    About,
    /// <summary>"nearly", "almost".</summary>
    Nearly,
    /// <summary>"at least".</summary>
    AtLeast,
    /// <summary>"under", "less than", "up to".</summary>
    Under,
    /// <summary>A range ("between 40 and 45 percent"), stored as its middle.</summary>
    Between,
}

/// <summary>The stored and shown words of a <see cref="ClaimHedge"/>, the same words the cues file and the CSVs use.</summary>
public static class ClaimHedges
{
    public static string ToText(this ClaimHedge hedge) => hedge switch
    {
        ClaimHedge.Exact => "exact",
        ClaimHedge.Over => "over",
        ClaimHedge.About => "about",
        ClaimHedge.Nearly => "nearly",
        ClaimHedge.AtLeast => "at least",
        ClaimHedge.Under => "under",
        ClaimHedge.Between => "between",
        _ => throw new ArgumentOutOfRangeException(nameof(hedge), hedge, null),
    };

    public static ClaimHedge Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not a hedge (exact, over, about, nearly, at least, under, between).");

    public static ClaimHedge? TryParse(string? text) => text switch
    {
        "exact" => ClaimHedge.Exact,
        "over" => ClaimHedge.Over,
        "about" => ClaimHedge.About,
        "nearly" => ClaimHedge.Nearly,
        "at least" => ClaimHedge.AtLeast,
        "under" => ClaimHedge.Under,
        "between" => ClaimHedge.Between,
        _ => null,
    };

    /// <summary>The hedge of the other side's share: "over 85 percent" held means "under 15 percent" left.</summary>
    public static ClaimHedge Opposite(this ClaimHedge hedge) => hedge switch
    {
        ClaimHedge.Over => ClaimHedge.Under,
        ClaimHedge.Under => ClaimHedge.Over,
        ClaimHedge.Nearly => ClaimHedge.Over,
        ClaimHedge.AtLeast => ClaimHedge.Under,
        _ => hedge,
    };
}
