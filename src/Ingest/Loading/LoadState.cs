using AleppoDashboard.Data;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Ingest.Metadata;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>What the database already holds, read once per run so unchanged files cost no query.</summary>
internal sealed class LoadState
{
    public Dictionary<string, StoredArticle> Articles { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> FileByHash { get; } = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> outletIds = new(StringComparer.Ordinal);

    public static async Task<LoadState> ReadAsync(DashboardDb db, CancellationToken ct)
    {
        var state = new LoadState();
        foreach (var o in await db.Outlets.AsNoTracking().ToListAsync(ct))
        {
            state.outletIds[o.Slug] = o.Id;
        }
        var stored = await db.Articles.AsNoTracking()
            .Select(a => new StoredArticle(a.Id, a.SourceFile, a.ContentHash, a.Outlet.Slug, a.OutletOrigin, a.Published, a.PublishedPrecision, a.PublishedOrigin, a.Url, a.Notes))
            .ToListAsync(ct);
        foreach (var a in stored)
        {
            state.Articles[a.SourceFile] = a;
            state.FileByHash.TryAdd(a.ContentHash, a.SourceFile);
        }
        return state;
    }

    /// <summary>Outlet entities (attached to <paramref name="db"/>) for every slug the batch needs, creating new ones.</summary>
    public async Task<Dictionary<string, Outlet>> OutletsAsync(DashboardDb db, IEnumerable<ArticleMetadata> metadata, CancellationToken ct)
    {
        var result = new Dictionary<string, Outlet>(StringComparer.Ordinal);
        foreach (var meta in metadata.DistinctBy(m => m.OutletSlug))
        {
            if (outletIds.TryGetValue(meta.OutletSlug, out var id))
            {
                result[meta.OutletSlug] = await db.Outlets.SingleAsync(o => o.Id == id, ct);
            }
            else
            {
                var outlet = new Outlet { Slug = meta.OutletSlug, Name = meta.OutletName };
                db.Outlets.Add(outlet);
                result[meta.OutletSlug] = outlet;
            }
        }
        return result;
    }

    public void Remember(Outlet outlet) => outletIds[outlet.Slug] = outlet.Id;
}

internal sealed record StoredArticle(
    int Id, string SourceFile, string ContentHash, string OutletSlug, ValueOrigin OutletOrigin,
    DateOnly? Published, DatePrecision Precision, ValueOrigin PublishedOrigin, string? Url, string? Notes)
{
    public bool Matches(string hash, ArticleMetadata meta, string notes) =>
        ContentHash == hash && OutletSlug == meta.OutletSlug && OutletOrigin == meta.OutletOrigin
        && Published == meta.Published?.Date && Precision == (meta.Published?.Precision ?? DatePrecision.None)
        && PublishedOrigin == meta.PublishedOrigin && Url == meta.Url && (Notes ?? "") == notes;

    public static StoredArticle From(Article a, string outletSlug) =>
        new(a.Id, a.SourceFile, a.ContentHash, outletSlug, a.OutletOrigin, a.Published, a.PublishedPrecision, a.PublishedOrigin, a.Url, a.Notes);
}
