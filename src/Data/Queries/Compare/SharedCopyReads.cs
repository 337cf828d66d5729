using AleppoDashboard.Data.Copies;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AleppoDashboard.Data.Queries.Compare;

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
    /// <paramref name="max"/> sentences of other articles that carry it, in article then sentence order, and how many.
    /// One index range per distinct text of the sentence's group, read in order and cut at <paramref name="max"/>:
    /// a wire line carried thousands of times costs no more than a rare one.
    /// </summary>
    public static async Task<Dictionary<int, SentenceCopies>> CopiesAsync(DashboardDb db, IReadOnlyCollection<int> sentenceIds, int max, CancellationToken ct)
    {
        var result = new Dictionary<int, SentenceCopies>();
        if (sentenceIds.Count == 0) return result;
        var ids = "[" + string.Join(',', sentenceIds) + "]";
        var mine = await db.SharedCopySentences
            .FromSqlRaw("SELECT * FROM shared_copy_sentences WHERE SentenceId IN (SELECT value FROM json_each({0}))", ids)
            .AsNoTracking().ToListAsync(ct);
        if (max <= 0 || mine.Count == 0)
        {
            foreach (var m in mine) result[m.SentenceId] = new([], m.Copies);
            return result;
        }
        var texts = "[" + string.Join(',', mine.Select(m => m.TextId).Distinct()) + "]";
        var matches = (await db.SharedCopyTexts
            .FromSqlRaw("SELECT * FROM shared_copy_texts WHERE TextId IN (SELECT value FROM json_each({0}))", texts)
            .AsNoTracking().ToListAsync(ct)).ToDictionary(t => t.TextId, t => t.MatchedIds.ToList());

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            using var command = CopiesOfTextCommand(db);
            foreach (var m in mine)
            {
                var listed = new List<SharedWith>();
                foreach (var text in matches.GetValueOrDefault(m.TextId, []).Prepend(m.TextId))
                {
                    command.Parameters["$text"].Value = text;
                    command.Parameters["$article"].Value = m.ArticleId;
                    command.Parameters["$max"].Value = max;
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct))
                    {
                        listed.Add(new SharedWith(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3)));
                    }
                }
                result[m.SentenceId] = new(listed.OrderBy(w => w.ArticleId).ThenBy(w => w.Index).Take(max).ToList(), m.Copies);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return result;
    }

    /// <summary>How many sentences of the articles in <paramref name="ids"/> are shared copy.</summary>
    public static async Task<int> SharedInAsync(DashboardDb db, FilteredIds ids, CancellationToken ct) =>
        ids.Json is { } json
            ? await db.SharedCopySentences.FromSqlRaw("SELECT * FROM shared_copy_sentences WHERE ArticleId IN (SELECT value FROM json_each({0}))", json).CountAsync(ct)
            : await db.SharedCopySentences.CountAsync(ct);

    /// <summary>Framing-term hits standing in shared sentences of the articles in <paramref name="ids"/>, per term and outlet id.</summary>
    public static async Task<Dictionary<(string TermId, int OutletId), int>> SharedTermHitsAsync(DashboardDb db, FilteredIds ids, CancellationToken ct)
    {
        var inFilter = ids.Json is null ? "" : " WHERE h.ArticleId IN (SELECT value FROM json_each(@article_ids))";
        var sql = "SELECT h.TermId, a.OutletId, COUNT(*) AS Hits FROM shared_copy_sentences AS c " +
                  "JOIN framing_term_hits AS h ON h.SentenceId = c.SentenceId JOIN articles AS a ON a.Id = h.ArticleId" + inFilter +
                  " GROUP BY h.TermId, a.OutletId";
        SqliteParameter[] parameters = ids.Json is { } json ? [new("@article_ids", json)] : [];
        var rows = await db.Database.SqlQueryRaw<TermHitCount>(sql, parameters).ToListAsync(ct);
        return rows.ToDictionary(r => (r.TermId, r.OutletId), r => r.Hits);
    }

    /// <summary>A text's sentences outside one article, first <c>$max</c> in article then sentence order, with the outlet's name.</summary>
    static SqliteCommand CopiesOfTextCommand(DashboardDb db)
    {
        var command = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction;
        command.CommandText = """
            SELECT c.SentenceId, c.ArticleId, c."Index", o.Name FROM shared_copy_sentences AS c
            JOIN articles AS a ON a.Id = c.ArticleId JOIN outlets AS o ON o.Id = a.OutletId
            WHERE c.TextId = $text AND c.ArticleId <> $article ORDER BY c.ArticleId, c."Index" LIMIT $max
            """;
        command.Parameters.Add("$text", SqliteType.Integer);
        command.Parameters.Add("$article", SqliteType.Integer);
        command.Parameters.Add("$max", SqliteType.Integer);
        return command;
    }

    sealed class TermHitCount
    {
        public string TermId { get; set; } = "";
        public int OutletId { get; set; }
        public int Hits { get; set; }
    }
}
