using AleppoDashboard.Data;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.SharedCopyDetection;
using AleppoDashboard.Ingest.Extraction;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// Re-derives sentences and facts from stored article text, a batch of articles per transaction, then the shared-copy
/// map (the sentences have new ids).
/// </summary>
public sealed class FactRebuilder(IDbContextFactory<DashboardDb> databases, FactExtractor extractor, TimeProvider time)
{
    public const int BatchSize = 200;

    public async Task<int> RebuildAllAsync(CancellationToken ct = default)
    {
        List<int> ids;
        await using (var db = await databases.CreateDbContextAsync(ct))
        {
            ids = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        }
        foreach (var batch in ids.Chunk(BatchSize))
        {
            await RebuildAsync(batch, ct);
        }
        await SharedCopyStore.UpdateAsync(databases, time, ct);
        return ids.Count;
    }

    async Task RebuildAsync(int[] ids, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Deleting sentences cascades to every fact that stands on them.
        await db.Sentences.Where(s => ids.Contains(s.ArticleId)).ExecuteDeleteAsync(ct);
        var articles = await db.Articles.AsNoTracking().Include(a => a.Outlet).Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        using (var rows = new DerivedRowWriter(db, extractor))
        {
            rows.Write(articles, ct);
        }
        await ContentVersion.BumpAsync(db, ct);
        await tx.CommitAsync(ct);
    }
}
