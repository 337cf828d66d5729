using AleppoDashboard.Data.Facts;
namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// A share found in the tokens: [<see cref="From"/>, <see cref="To"/>) is the quantity itself ("85 percent",
/// "half", "32 of east Aleppo's 40 neighbourhoods"); <see cref="Hints"/> are scope words inside a count.
/// </summary>
sealed record Quantity(int From, int To, double Value, ClaimKind Kind, int? Count, int? Of, List<string> Hints)
{
    /// <summary>No hints: one list for every percentage and fraction, which is only read.</summary>
    public static readonly List<string> NoHints = [];
}
