namespace AleppoDashboard.Data.Facts;

/// <summary>The form a control claim's share takes. Stored as <c>area</c>, <c>fraction</c> or <c>neighbourhood_count</c> (see <see cref="ClaimKinds"/>).</summary>
public enum ClaimKind
{
    /// <summary>A percentage: "85 percent of east Aleppo".</summary>
    Area,
    /// <summary>A word fraction: "two-thirds of the enclave".</summary>
    Fraction,
    /// <summary>A count out of a total: "32 of the 40 neighbourhoods".</summary>
    NeighbourhoodCount,
}

/// <summary>The stored and shown text of a <see cref="ClaimKind"/>: the database, the CSVs and the chart's JSON keep the same words as before.</summary>
public static class ClaimKinds
{
    public static string ToText(this ClaimKind kind) => kind switch
    {
        ClaimKind.Area => "area",
        ClaimKind.Fraction => "fraction",
        ClaimKind.NeighbourhoodCount => "neighbourhood_count",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>What a reader is shown: "area share", "fraction", "neighbourhood count".</summary>
    public static string Label(this ClaimKind kind) => kind switch
    {
        ClaimKind.Area => "area share",
        ClaimKind.NeighbourhoodCount => "neighbourhood count",
        _ => kind.ToText(),
    };

    public static ClaimKind Parse(string text) => TryParse(text) ?? throw new FormatException($"'{text}' is not a claim kind (area, fraction, neighbourhood_count).");

    public static ClaimKind? TryParse(string? text) => text switch
    {
        "area" => ClaimKind.Area,
        "fraction" => ClaimKind.Fraction,
        "neighbourhood_count" => ClaimKind.NeighbourhoodCount,
        _ => null,
    };
}
