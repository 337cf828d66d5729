using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.Schema;

namespace AleppoDashboard.Data.Views.Facets;

/// <summary>
/// The <see cref="ArticleFacets"/> of the current content version: one set, read again when the version moves
/// (after an ingest; the view cache warmer reads it off the request path). Register as a singleton.
/// </summary>
public sealed class ArticleFacetsCache
{
    readonly SemaphoreSlim reading = new(1, 1);
    ArticleFacets? current;
    (long Version, ClaimFacets Facets)? currentClaims;

    /// <summary>
    /// The facets of the content version <paramref name="db"/> sees: call it inside the snapshot the view is computed in
    /// (<see cref="ContentVersionCache{T}"/>'s computation runs in one), so the facets and the view's other reads are of
    /// one state of the data. Outside a transaction it opens its own snapshot.
    /// </summary>
    public async Task<ArticleFacets> GetAsync(DashboardDb db, CancellationToken ct)
    {
        await using var snapshot = await ReadSnapshot.BeginUnlessInTransactionAsync(db, ct);
        var version = await ContentVersion.ReadAsync(db, ct);
        if (current is { } held && held.Version == version) return held;
        await reading.WaitAsync(ct);
        try
        {
            if (current is { } again && again.Version == version) return again;
            var read = await ArticleFacets.ReadAsync(db, version, ct);
            // A request still in an older snapshot gets its own version's facets but does not replace newer ones.
            if (current is null || current.Version < version) current = read;
            return read;
        }
        finally
        {
            reading.Release();
        }
    }

    /// <summary>
    /// The <see cref="ClaimFacets"/> of <paramref name="facets"/>' version, read on first use (in the caller's snapshot,
    /// which sees that version: the counter moves with every write, so the claims are of the same state of the data).
    /// </summary>
    public Task<ClaimFacets> GetClaimsAsync(DashboardDb db, ArticleFacets facets, CancellationToken ct) =>
        GetExtraAsync(() => currentClaims, v => currentClaims = v, () => ClaimFacets.ReadAsync(db, facets, ct), facets.Version, ct);

    /// <summary>The <see cref="CompareFacets"/> of <paramref name="facets"/>' version, read on first use as <see cref="GetClaimsAsync"/>.</summary>
    public Task<CompareFacets> GetCompareAsync(DashboardDb db, ArticleFacets facets, CancellationToken ct) =>
        GetExtraAsync(() => currentCompare, v => currentCompare = v, () => CompareFacets.ReadAsync(db, facets, ct), facets.Version, ct);

    /// <summary>
    /// The <see cref="SharedCopyFacets"/> of <paramref name="facets"/>' version: call only when the stored shared-copy map is
    /// current in the caller's snapshot (then it is that version's map, and stays so: a new map comes with a new version).
    /// </summary>
    public Task<SharedCopyFacets> GetSharedAsync(DashboardDb db, ArticleFacets facets, CancellationToken ct) =>
        GetExtraAsync(() => currentShared, v => currentShared = v, () => SharedCopyFacets.ReadAsync(db, facets, ct), facets.Version, ct);

    (long Version, CompareFacets Facets)? currentCompare;
    (long Version, SharedCopyFacets Facets)? currentShared;

    async Task<T> GetExtraAsync<T>(Func<(long Version, T Facets)?> held, Action<(long Version, T Facets)> keep,
        Func<Task<T>> read, long version, CancellationToken ct)
    {
        if (held() is { } first && first.Version == version) return first.Facets;
        await reading.WaitAsync(ct);
        try
        {
            if (held() is { } again && again.Version == version) return again.Facets;
            var facets = await read();
            // A request still in an older snapshot gets its own version's facets but does not replace newer ones.
            if (held() is not { } kept || kept.Version < version) keep((version, facets));
            return facets;
        }
        finally
        {
            reading.Release();
        }
    }
}
