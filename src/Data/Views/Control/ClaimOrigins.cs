using AleppoDashboard.Data.Facts;

namespace AleppoDashboard.Data.Views.Control;

/// <summary>A claim as the origins count needs it: where it stands and what it says.</summary>
internal readonly record struct ClaimItem(int Id, int SentenceId, int OutletId, double ValuePercent, ClaimKind Kind);

/// <summary>
/// Control claims counted by origin (<c>origins=1</c>): claims of the same figure and kind in sentences of one wire copy
/// (one group of the shared-copy map) are one origin, listed once at its first claim in the page's order (the earliest);
/// any other claim is its own origin.
/// </summary>
internal static class ClaimOrigins
{
    /// <param name="items">The claims in the page's order.</param>
    /// <param name="groupOfSentence">The copy group of each shared sentence (<see cref="SharedCopyDetection.CopyOrigins"/>).</param>
    public static (HashSet<int> Kept, Dictionary<int, ClaimOrigin> Origins) Collapse(
        List<ClaimItem> items, IReadOnlyDictionary<int, int> groupOfSentence, IReadOnlyDictionary<int, string> outletNames)
    {
        var kept = new HashSet<int>();
        var origins = new Dictionary<int, ClaimOrigin>();
        foreach (var group in items.GroupBy(i => groupOfSentence.TryGetValue(i.SentenceId, out var g) ? (object)(g, i.ValuePercent, i.Kind) : i.Id))
        {
            var first = group.First();
            kept.Add(first.Id);
            var outlets = group.Select(i => outletNames[i.OutletId]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            origins[first.Id] = new ClaimOrigin(group.Count(), outlets);
        }
        return (kept, origins);
    }
}
