using AleppoDashboard.Data.Views.Compare;
using AleppoDashboard.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AleppoDashboard.Data.SharedCopyDetection;

/// <summary>A sentence's copies in other articles: the first of them and how many there are in all.</summary>
public sealed record SentenceCopies(IReadOnlyList<SharedWith> With, int Count)
{
    public static readonly SentenceCopies None = new([], 0);
}

/// <summary>
/// Reads of the stored shared-copy map (<see cref="SharedCopyStore"/>). Check <see cref="SharedCopyStore.IsCurrentAsync"/>
/// in the same snapshot first: a map of older articles is no answer.
/// </summary>
public static class SharedCopyReads
{
    /// <summary>
    /// The copies of each of <paramref name="sentenceIds"/> that is shared copy (others are absent): the first
    /// <paramref name="max"/> sentences of other articles that carry it, in article then sentence order, and how many
    /// (see <see cref="SharedCopyLister"/>, which an export keeps across its batches).
    /// </summary>
    public static Task<Dictionary<int, SentenceCopies>> CopiesAsync(DashboardDb db, IReadOnlyCollection<int> sentenceIds, int max, CancellationToken ct) =>
        new SharedCopyLister(max).CopiesAsync(db, sentenceIds, ct);

    /// <summary>How many sentences of the articles in <paramref name="ids"/> are shared copy.</summary>
    public static async Task<int> SharedInAsync(DashboardDb db, FilteredIds ids, CancellationToken ct)
    {
        if (ids.Json is not { } json) return await db.SharedCopySentences.CountAsync(ct);
        // The ids go as one JSON parameter; only the provider's constant subquery is put into the text.
        var sql = "SELECT * FROM shared_copy_sentences WHERE \"ArticleId\" IN (" + db.IdsFromJson("{0}") + ")";
        return await db.SharedCopySentences.FromSqlRaw(sql, json).CountAsync(ct);
    }

    /// <summary>Framing-term hits standing in shared sentences of the articles in <paramref name="ids"/>, per term and outlet id.</summary>
    public static async Task<Dictionary<(string TermId, int OutletId), int>> SharedTermHitsAsync(DashboardDb db, FilteredIds ids, CancellationToken ct)
    {
        var inFilter = ids.Json is null ? "" : " WHERE h.\"ArticleId\" IN (" + db.IdsFromJson("@article_ids") + ")";
        var sql = "SELECT h.\"TermId\" AS \"TermId\", a.\"OutletId\" AS \"OutletId\", CAST(COUNT(*) AS INTEGER) AS \"Hits\" FROM shared_copy_sentences AS c " +
                  "JOIN framing_term_hits AS h ON h.\"SentenceId\" = c.\"SentenceId\" JOIN articles AS a ON a.\"Id\" = h.\"ArticleId\"" + inFilter +
                  " GROUP BY h.\"TermId\", a.\"OutletId\"";
        System.Data.Common.DbParameter[] parameters = ids.Json is { } json ? [db.Parameter("@article_ids", json)] : [];
        var rows = await db.Database.SqlQueryRaw<TermHitCount>(sql, parameters).ToListAsync(ct);
        return rows.ToDictionary(r => (r.TermId, r.OutletId), r => r.Hits);
    }

    sealed class TermHitCount
    {
        public string TermId { get; set; } = "";
        public int OutletId { get; set; }
        public int Hits { get; set; }
    }
}
