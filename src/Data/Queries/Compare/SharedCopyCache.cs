using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Queries.Compare;

/// <summary>
/// The shared-copy map of the whole corpus (not only the filtered articles, so that a sentence is marked as
/// wire copy even when the other outlet is filtered out). Computed at query time with
/// <see cref="SharedCopyDetector"/> and kept until the sentences change (their count, highest id or total length).
/// Register as a singleton.
/// </summary>
public sealed class SharedCopyCache
{
    readonly SemaphoreSlim gate = new(1, 1);
    (long Count, long MaxId, long Length)? stamp;
    IReadOnlyDictionary<int, List<SharedWith>> shared = new Dictionary<int, List<SharedWith>>();

    public async Task<IReadOnlyDictionary<int, List<SharedWith>>> GetAsync(DashboardDb db, CancellationToken ct)
    {
        var current = await StampAsync(db, ct);
        await gate.WaitAsync(ct);
        try
        {
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

    static async Task<(long, long, long)> StampAsync(DashboardDb db, CancellationToken ct)
    {
        var row = await db.Database.SqlQueryRaw<CorpusStamp>(
            "SELECT COUNT(*) AS Count, COALESCE(MAX(Id), 0) AS MaxId, COALESCE(SUM(length(Text)), 0) AS Length FROM sentences")
            .ToListAsync(ct);
        return (row[0].Count, row[0].MaxId, row[0].Length);
    }

    sealed class CorpusStamp
    {
        public long Count { get; set; }
        public long MaxId { get; set; }
        public long Length { get; set; }
    }
}
