using AleppoDashboard.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.SharedCopyDetection;

/// <summary>
/// Lists sentences' copies from the stored shared-copy map. A sentence's copies are the rows of its text and of every
/// text its text matches (its group; 50 texts on average in the synthetic corpus, where wire lines come in many
/// variants), in other articles, in article then sentence order: the first of them are its text's stored head
/// (<see cref="SharedCopyHead"/>) without the rows of its own article. The lister keeps each head it reads, so that an
/// export listing the copies of a million sentences reads every text once, not once per sentence. Use one per request;
/// it reads through the context's connection and transaction (snapshot).
/// </summary>
public sealed class SharedCopyLister
{
    readonly int max;
    readonly Dictionary<int, CopyHead[]> heads = [];
    Dictionary<int, string>? outlets;

    /// <param name="max">How many copies to list per sentence (0: only count them), at most <see cref="SharedCopyDetector.MaxListed"/>: what a head holds.</param>
    public SharedCopyLister(int max)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, SharedCopyDetector.MaxListed);
        this.max = max;
    }

    /// <summary>The copies of each of <paramref name="sentenceIds"/> that is shared copy (others are absent).</summary>
    public async Task<Dictionary<int, SentenceCopies>> CopiesAsync(DashboardDb db, IReadOnlyCollection<int> sentenceIds, CancellationToken ct)
    {
        var result = new Dictionary<int, SentenceCopies>();
        if (sentenceIds.Count == 0) return result;
        // The ids go as one JSON parameter; only the provider's constant subquery is put into the text.
        var sql = "SELECT * FROM shared_copy_sentences WHERE \"SentenceId\" IN (" + db.IdsFromJson("{0}") + ")";
        var mine = await db.SharedCopySentences
            .FromSqlRaw(sql, "[" + string.Join(',', sentenceIds) + "]")
            .AsNoTracking().ToListAsync(ct);
        if (max <= 0)
        {
            foreach (var m in mine) result[m.SentenceId] = new([], m.Copies);
            return result;
        }
        outlets ??= await db.Outlets.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        await ReadHeadsAsync(db, mine.Select(m => m.TextId).Distinct().Where(t => !heads.ContainsKey(t)).ToList(), ct);
        foreach (var m in mine) result[m.SentenceId] = new(FirstOutside(heads[m.TextId], m.ArticleId), m.Copies);
        return result;
    }

    /// <summary>The first <c>max</c> rows of <paramref name="head"/> that are not in <paramref name="article"/>.</summary>
    List<SharedWith> FirstOutside(CopyHead[] head, int article)
    {
        var listed = new List<SharedWith>(Math.Min(max, head.Length));
        foreach (var row in head)
        {
            if (listed.Count == max) break;
            if (row.ArticleId != article) listed.Add(new SharedWith(row.SentenceId, row.ArticleId, row.Index, outlets![row.OutletId]));
        }
        return listed;
    }

    /// <summary>The heads of <paramref name="texts"/>, one key lookup each, in statements of at most <see cref="HeadBatch"/> texts.</summary>
    async Task ReadHeadsAsync(DashboardDb db, List<int> texts, CancellationToken ct)
    {
        foreach (var batch in texts.Chunk(HeadBatch))
        {
            var sql = "SELECT * FROM shared_copy_heads WHERE \"TextId\" IN (" + db.IdsFromJson("{0}") + ")";
            var read = await db.SharedCopyHeads.FromSqlRaw(sql, "[" + string.Join(',', batch) + "]").AsNoTracking().ToListAsync(ct);
            foreach (var h in read) heads[h.TextId] = CopyHeadCodec.Decode(h.Rows);
            // Every shared text has a head when the map is current (the caller checks): none is a map of other texts.
            foreach (var t in batch)
            {
                if (!heads.ContainsKey(t)) throw new InvalidOperationException($"The stored shared-copy map has no head for text {t}: it is not current.");
            }
        }
    }

    /// <summary>Texts whose heads are read in one statement.</summary>
    const int HeadBatch = 5_000;
}
