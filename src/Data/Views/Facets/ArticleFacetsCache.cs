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
    (long Version, ClaimFacets Claims)? currentClaims;

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
    public async Task<ClaimFacets> GetClaimsAsync(DashboardDb db, ArticleFacets facets, CancellationToken ct)
    {
        if (currentClaims is { } held && held.Version == facets.Version) return held.Claims;
        await reading.WaitAsync(ct);
        try
        {
            if (currentClaims is { } again && again.Version == facets.Version) return again.Claims;
            var read = await ClaimFacets.ReadAsync(db, facets, ct);
            if (currentClaims is null || currentClaims.Value.Version < facets.Version) currentClaims = (facets.Version, read);
            return read;
        }
        finally
        {
            reading.Release();
        }
    }
}
