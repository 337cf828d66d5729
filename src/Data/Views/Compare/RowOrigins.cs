using AleppoDashboard.Data.SharedCopyDetection;

namespace AleppoDashboard.Data.Views.Compare;

/// <summary>
/// A comparison row collapsed to origins (<c>origins=1</c>): of each outlet's sentences, the first of each origin (one wire
/// copy is one origin; any other sentence is its own), counted per outlet and across the row.
/// </summary>
public sealed class RowOrigins
{
    RowOrigins(List<RankedSentence> kept, Dictionary<int, SentenceOrigin> origins, int distinct, int sentences) =>
        (Kept, this.origins, Origins, Sentences) = (kept, origins, distinct, sentences);

    readonly Dictionary<int, SentenceOrigin> origins;

    /// <summary>The sentences kept: each outlet's first of each origin, up to a cell's number, ranked and counted again.</summary>
    public List<RankedSentence> Kept { get; }

    /// <summary>Distinct origins across the row.</summary>
    public int Origins { get; }

    /// <summary>Sentences of the row before collapsing.</summary>
    public int Sentences { get; }

    public SentenceOrigin? OriginOf(int sentenceId) => origins.GetValueOrDefault(sentenceId);

    /// <param name="all">Every sentence of the row, in each outlet's order (<see cref="RankedSentence.Rn"/>).</param>
    public static async Task<RowOrigins> CollapseAsync(DashboardDb db, List<RankedSentence> all, int perCell, CancellationToken ct)
    {
        var textGroup = await CopyOrigins.OfSentencesAsync(db, all.Select(k => k.SentenceId).ToList(), ct);
        // A copy's key is its group (negative, apart from sentence ids); any other sentence is its own origin.
        long KeyOf(RankedSentence k) => textGroup.TryGetValue(k.SentenceId, out var g) ? -1L - g : k.SentenceId;
        var byKey = all.GroupBy(KeyOf).ToDictionary(g => g.Key, g => new SentenceOrigin(
            g.Min(k => k.SentenceId), g.Count(), g.Select(k => k.OutletId).Distinct().Count()));
        var kept = new List<RankedSentence>();
        var origins = new Dictionary<int, SentenceOrigin>();
        foreach (var outlet in all.GroupBy(k => k.OutletId))
        {
            var firsts = outlet.OrderBy(k => k.Rn).DistinctBy(KeyOf).ToList();
            for (var i = 0; i < firsts.Count && i < perCell; i++)
            {
                var k = firsts[i];
                kept.Add(new RankedSentence { SentenceId = k.SentenceId, ArticleId = k.ArticleId, OutletId = k.OutletId, Rn = i + 1, Total = firsts.Count });
                origins[k.SentenceId] = byKey[KeyOf(k)];
            }
        }
        return new RowOrigins(kept, origins, byKey.Count, all.Count);
    }
}
