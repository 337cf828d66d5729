using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.SharedCopyDetection;
using AleppoDashboard.Data.Views.Map;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Control;

/// <summary>
/// One plottable claim, compact: a point of the chart without its sentence.
/// </summary>
public readonly record struct ScopeClaimPoint(int ClaimId, DateOnly Published, double ValuePercent, int OutletId, ClaimKind Kind, ClaimHedge Hedge);

/// <summary>
/// What /control, /api/claims and the overview's mini chart show of one scope under one filter, without the sentences:
/// every claim id in the order the table lists them (a page reads its 100 rows by id), the plottable claims as
/// compact points in the same order, the dates with several claims, and the scope switcher's counts.
/// Shared between requests: read it, never change it.
/// </summary>
public sealed class ScopeClaims
{
    public required int[] OrderedIds { get; init; }
    public required ScopeClaimPoint[] Points { get; init; }
    public required List<ClaimDateSpread> SharedDates { get; init; }
    public required List<ClaimScopeSummary> Scopes { get; init; }
    public int Total => OrderedIds.Length;
    public int Plotted => Points.Length;

    /// <summary>
    /// When counting origins (<c>origins=1</c> and the shared-copy map current): per listed claim that stands for copies,
    /// how many claims it stands for and which outlets ran them; <see cref="OrderedIds"/> then lists one claim per origin.
    /// Null when counting copies.
    /// </summary>
    public IReadOnlyDictionary<int, ClaimOrigin>? Origins { get; init; }

    /// <summary>How many claims the listed ones stand for (= <see cref="Total"/> when counting copies).</summary>
    public int Claims { get; init; }
}

/// <summary>One origin of claims: the same figure in the same wire copy, run by <see cref="Outlets"/> (by name).</summary>
public sealed record ClaimOrigin(int Claims, IReadOnlyList<string> Outlets);

/// <summary>
/// Computes the control view (/control, /api/claims, the overview's mini chart and the control export's order): the
/// <see cref="ScopeClaims"/> of a filter and scope, kept until <see cref="ContentVersion"/> moves (like
/// <see cref="MapPlacesCache"/>): a large corpus has hundreds of thousands of claims in the unfiltered east scope, and
/// sorting them with their articles, outlets and sentences on every request was too slow. An entry holds 4 bytes per
/// claim and 24 per plottable claim; at most <see cref="MaxEntries"/>
/// entries and <see cref="MaxHeldClaims"/> claims in all are kept (the cache is emptied when a new entry would pass either).
/// The overview only needs the plottable count, so that is kept on its own when no full entry is there.
/// Register as a singleton. A search's matches are taken again inside the computation's snapshot (see <see cref="MapPlacesCache"/>).
/// </summary>
public sealed class ControlViewCache(SearchMatchCache searches)
{
    public const int MaxEntries = 32;
    public const int MaxHeldClaims = 2_000_000;

    readonly ContentVersionCache<ScopeClaims> entries = new(MaxEntries, claims => claims.Total, MaxHeldClaims);
    readonly ContentVersionCache<int> counts = new(MaxEntries);

    static string Key(DashboardFilter filter, string scope) => filter.CacheKey + "\n" + scope;

    /// <summary>
    /// The claims of a scope. With <see cref="DashboardFilter.CountOrigins"/> they are collapsed to origins when the stored
    /// shared-copy map is current (<see cref="ScopeClaims.Origins"/> is set), and kept apart from the entry computed
    /// while it was not (the map is stored after the content version moves).
    /// </summary>
    public async Task<ScopeClaims> GetAsync(DashboardDb db, DashboardFilter filter, string scope, CancellationToken ct)
    {
        var origins = filter.CountOrigins && await SharedCopyStore.IsCurrentAsync(db, ct);
        var key = Key(filter, scope) + (filter.CountOrigins ? "\n" + origins : "");
        return await entries.GetAsync(db, key, async () =>
        {
            return await ComputeAsync(db, await searches.WithMatchesAsync(db, filter, ct), scope, origins, ct);
        }, ct);
    }

    /// <summary>Whether the claims of <paramref name="scope"/> under <paramref name="filter"/> are kept for content version <paramref name="version"/>.</summary>
    public bool Holds(DashboardFilter filter, string scope, long version) => entries.TryGet(Key(filter, scope), version, out _);

    /// <summary>How many claims of <paramref name="scope"/> the chart can plot under <paramref name="filter"/>.</summary>
    public async Task<int> PlottedCountAsync(DashboardDb db, DashboardFilter filter, string scope, CancellationToken ct)
    {
        var key = Key(filter, scope);
        await using var snapshot = await ReadSnapshot.BeginUnlessInTransactionAsync(db, ct);
        if (entries.TryGet(key, await ContentVersion.ReadAsync(db, ct), out var claims)) return claims.Plotted;
        return await counts.GetAsync(db, key, async () => await db.PlottableClaimCountAsync(await searches.WithMatchesAsync(db, filter, ct), scope, ct), ct);
    }

    static async Task<ScopeClaims> ComputeAsync(DashboardDb db, DashboardFilter filter, string scope, bool origins, CancellationToken ct)
    {
        var ids = new List<int>();
        var points = new List<ScopeClaimPoint>();
        var items = new List<ClaimItem>();
        var rows = db.ScopeClaimsInOrder(filter, scope)
            .Select(c => new { c.Id, c.SentenceId, c.Article.Published, c.Article.PublishedPrecision, c.ValuePercent, c.Article.OutletId, c.Kind, c.Hedge })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
        {
            ids.Add(c.Id);
            if (origins) items.Add(new ClaimItem(c.Id, c.SentenceId, c.OutletId, c.ValuePercent, c.Kind));
            if (c.Published is { } published && c.PublishedPrecision == DatePrecision.Day)
            {
                points.Add(new ScopeClaimPoint(c.Id, published, c.ValuePercent, c.OutletId, c.Kind, c.Hedge));
            }
        }
        var outletNames = await db.Outlets.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        if (origins)
        {
            var groups = await CopyOrigins.OfSentencesAsync(db, items.Select(i => i.SentenceId).Distinct().ToList(), ct);
            var (kept, originOf) = ClaimOrigins.Collapse(items, groups, outletNames);
            var keptPoints = points.Where(p => kept.Contains(p.ClaimId)).ToList();
            return new ScopeClaims
            {
                OrderedIds = ids.Where(kept.Contains).ToArray(),
                Claims = ids.Count,
                Origins = originOf,
                Points = keptPoints.ToArray(),
                SharedDates = SharedDates(keptPoints, outletNames),
                Scopes = await db.ClaimScopesAsync(filter, scope, ct),
            };
        }
        return new ScopeClaims
        {
            OrderedIds = ids.ToArray(),
            Claims = ids.Count,
            Points = points.ToArray(),
            SharedDates = SharedDates(points, outletNames),
            Scopes = await db.ClaimScopesAsync(filter, scope, ct),
        };
    }



    /// <summary>Dates with more than one plottable claim, oldest first; outlets by name (as the SQL grouping by date and outlet name that this replaced).</summary>
    internal static List<ClaimDateSpread> SharedDates(List<ScopeClaimPoint> points, IReadOnlyDictionary<int, string> outletNames) =>
        points
            .GroupBy(p => p.Published)
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key)
            .Select(g => new ClaimDateSpread(g.Key, g.Count(),
                g.Select(p => outletNames[p.OutletId]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                g.Min(p => p.ValuePercent), g.Max(p => p.ValuePercent)))
            .ToList();
}
