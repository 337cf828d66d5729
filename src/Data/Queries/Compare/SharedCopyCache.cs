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
    IReadOnlyDictionary<int, List<SharedWith>> shared = new Dictionary<int, List<SharedWith>>();

    public async Task<IReadOnlyDictionary<int, List<SharedWith>>> GetAsync(DashboardDb db, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            // The counter and the sentences are read in one snapshot, so the cache never pairs new text with an old number.
            await using var snapshot = await ReadSnapshot.BeginUnlessInTransactionAsync(db, ct);
            var current = await ContentVersion.ReadAsync(db, ct);
            if (stamp != current)
            {
                var sentences = await db.Sentences.AsNoTracking()
                    .Select(s => new CopyCandidate(s.Id, s.ArticleId, s.Index, s.Article.Outlet.Name, s.Text))
                    .ToListAsync(ct);
                shared = SharedCopyDetector.Detect(sentences);
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
