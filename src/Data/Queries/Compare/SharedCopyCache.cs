using AleppoDashboard.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Queries.Compare;

/// <summary>
/// The shared-copy map of the whole corpus (not only the filtered articles, so that a sentence is marked as
/// wire copy even when the other outlet is filtered out). Computed at query time with
/// <see cref="SharedCopyDetector"/> and kept until <see cref="ContentVersion"/> moves (every ingest or re-extraction raises it).
/// Register as a singleton.
/// </summary>
public sealed class SharedCopyCache
{
    readonly SemaphoreSlim gate = new(1, 1);
    long? stamp;
    SharedCopies shared = SharedCopies.None;

    public async Task<SharedCopies> GetAsync(DashboardDb db, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            // The counter and the sentences are read in one snapshot, so the cache never pairs new text with an old number.
            await using var snapshot = await ReadSnapshot.BeginUnlessInTransactionAsync(db, ct);
            var current = await ContentVersion.ReadAsync(db, ct);
            if (stamp != current)
            {
                // Streamed: only each distinct text's shingles are kept, not every sentence's text.
                var builder = new SharedCopyBuilder();
                await foreach (var s in db.Sentences.AsNoTracking()
                    .Select(s => new { s.Id, s.ArticleId, s.Index, s.Article.Outlet.Name, s.Text }).AsAsyncEnumerable().WithCancellation(ct))
                {
                    builder.Add(s.Id, s.ArticleId, s.Index, s.Name, s.Text);
                }
                var built = builder.Build();
                var termHits = new List<SharedTermHit>();
                var termIds = new Dictionary<string, string>(StringComparer.Ordinal); // one string per term id
                await foreach (var h in db.FramingTermHits.AsNoTracking()
                    .Select(h => new { h.SentenceId, h.ArticleId, h.Article.OutletId, h.TermId }).AsAsyncEnumerable().WithCancellation(ct))
                {
                    if (!built.IsShared(h.SentenceId)) continue;
                    if (!termIds.TryGetValue(h.TermId, out var term)) termIds[h.TermId] = term = h.TermId;
                    termHits.Add(new SharedTermHit(h.ArticleId, h.OutletId, term));
                }
                built.TermHits = termHits;
                shared = built;
                stamp = current;
            }
            return shared;
        }
        finally
        {
            gate.Release();
        }
    }
}
