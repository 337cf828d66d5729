using System.Collections.Concurrent;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Ingest.Metadata;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// What the database already holds, read once per run so unchanged files cost no query. The writer updates
/// <see cref="Articles"/> and the outlets after each commit while the next batch is prepared on another thread
/// (which reads them): those two are concurrent dictionaries. <see cref="FileByHash"/> and the planned outlet names
/// are used by the preparing stage only (one batch after the other).
/// </summary>
internal sealed class LoadState
{
    public ConcurrentDictionary<string, StoredArticle> Articles { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> FileByHash { get; } = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> outletIds = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, string> outletNames = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> plannedOutletNames = new(StringComparer.Ordinal);

    public static async Task<LoadState> ReadAsync(DashboardDb db, CancellationToken ct)
    {
        var state = new LoadState();
        foreach (var o in await db.Outlets.AsNoTracking().ToListAsync(ct))
        {
            state.outletIds[o.Slug] = o.Id;
            state.outletNames[o.Slug] = o.Name;
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
        var wanted = metadata.DistinctBy(m => m.OutletSlug).ToList();
        // The known outlets of the batch in one query (not one per outlet: this runs for every batch).
        var ids = wanted.Select(m => outletIds.GetValueOrDefault(m.OutletSlug)).Where(id => id != 0).ToList();
        var known = ids.Count == 0 ? [] : await db.Outlets.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        foreach (var meta in wanted)
        {
            if (outletIds.TryGetValue(meta.OutletSlug, out var id))
            {
                result[meta.OutletSlug] = known[id];
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

    public void Remember(Outlet outlet)
    {
        outletIds[outlet.Slug] = outlet.Id;
        outletNames[outlet.Slug] = outlet.Name;
    }

    /// <summary>
    /// The name the article's outlet will have once stored: the stored outlet's, or for a new slug the name of the
    /// first article (in file order) that brings it, as <see cref="OutletsAsync"/> creates it. Asked in file order
    /// before the batch is written; the writer checks it against the outlet it really gets.
    /// </summary>
    public string OutletNameFor(ArticleMetadata meta)
    {
        if (outletNames.TryGetValue(meta.OutletSlug, out var name)) return name;
        plannedOutletNames.TryAdd(meta.OutletSlug, meta.OutletName);
        return plannedOutletNames[meta.OutletSlug];
    }
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
