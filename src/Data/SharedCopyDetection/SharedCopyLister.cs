using AleppoDashboard.Data.Schema;
using System.Data;
using System.Data.Common;
using AleppoDashboard.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AleppoDashboard.Data.SharedCopyDetection;

/// <summary>
/// Lists sentences' copies from the stored shared-copy map. A sentence's copies are the rows of its text and of every
/// text its text matches (its group; 50 texts on average in the synthetic corpus, where wire lines come in many
/// variants), in other articles, in article then sentence order. The lister keeps each text's first rows and each text's
/// group as it reads them, so that an export listing the copies of a million sentences reads every text once, not once
/// per sentence. Use one per request; it reads through the context's connection and transaction (snapshot).
/// </summary>
public sealed class SharedCopyLister(int max)
{
    /// <summary>Rows kept per text beyond <c>max</c>: room for the listed sentence's own article's rows of that text.</summary>
    const int Slack = 16;

    readonly Dictionary<int, int[]> groups = [];
    readonly Dictionary<int, CopyHead[]> heads = [];
    Dictionary<int, string>? outlets;

    readonly record struct CopyHead(int SentenceId, int ArticleId, int Index, int OutletId);

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
        await ReadGroupsAsync(db, mine.Select(m => m.TextId).Distinct().Where(t => !groups.ContainsKey(t)).ToList(), ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var unread = mine.SelectMany(m => groups[m.TextId]).Distinct().Where(t => !heads.ContainsKey(t)).ToList();
            foreach (var batch in unread.Chunk(HeadBatch)) await ReadHeadsAsync(db, batch, max + Slack, ct);
            using var head = Command(db, "c.\"TextId\" = @text", "@limit");
            using var exact = Command(db, "c.\"TextId\" = @text AND c.\"ArticleId\" <> @article", "@limit");
            foreach (var m in mine)
            {
                var lists = new List<CopyHead[]>();
                foreach (var text in groups[m.TextId])
                {
                    if (!heads.TryGetValue(text, out var rows)) heads[text] = rows = await ReadAsync(head, text, 0, max + Slack, ct);
                    // A full head with too few rows outside this article may not hold the first max of them: read those exactly.
                    if (rows.Length == max + Slack && rows.Count(r => r.ArticleId != m.ArticleId) < max) rows = await ReadAsync(exact, text, m.ArticleId, max, ct);
                    lists.Add(rows);
                }
                result[m.SentenceId] = new(FirstOutside(lists, m.ArticleId), m.Copies);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return result;
    }

    /// <summary>The first <c>max</c> rows of the sorted lists that are not in <paramref name="article"/>, merged in order.</summary>
    List<SharedWith> FirstOutside(List<CopyHead[]> lists, int article)
    {
        var queue = new PriorityQueue<(int List, int At), (int ArticleId, int Index)>();
        for (var l = 0; l < lists.Count; l++)
        {
            if (lists[l].Length > 0) queue.Enqueue((l, 0), (lists[l][0].ArticleId, lists[l][0].Index));
        }
        var listed = new List<SharedWith>();
        while (listed.Count < max && queue.TryDequeue(out var next, out _))
        {
            var row = lists[next.List][next.At];
            if (row.ArticleId != article) listed.Add(new SharedWith(row.SentenceId, row.ArticleId, row.Index, outlets![row.OutletId]));
            if (next.At + 1 < lists[next.List].Length)
            {
                var following = lists[next.List][next.At + 1];
                queue.Enqueue((next.List, next.At + 1), (following.ArticleId, following.Index));
            }
        }
        return listed;
    }

    /// <summary>Each text's group: itself and the texts it matches.</summary>
    async Task ReadGroupsAsync(DashboardDb db, List<int> texts, CancellationToken ct)
    {
        if (texts.Count == 0) return;
        var sql = "SELECT * FROM shared_copy_texts WHERE \"TextId\" IN (" + db.IdsFromJson("{0}") + ")";
        var matched = await db.SharedCopyTexts
            .FromSqlRaw(sql, "[" + string.Join(',', texts) + "]")
            .AsNoTracking().ToDictionaryAsync(t => t.TextId, t => t.MatchedIds, ct);
        foreach (var text in texts) groups[text] = [text, .. matched.GetValueOrDefault(text, [])];
    }

    /// <summary>Texts whose heads are read in one statement.</summary>
    const int HeadBatch = 2_000;

    /// <summary>
    /// The heads of many texts in one statement: one query per text costs more in round trips than in reading, and a
    /// page's sentences reach thousands of texts (a wire line's group holds ~50). Each text's rows are still cut by its
    /// own index seek, in the same order as <see cref="Command"/>'s: SQLite runs the correlated LIMIT inside IN once per
    /// text; PostgreSQL would run that IN for every candidate row, so there the cut is a LATERAL join (which SQLite lacks).
    /// </summary>
    async Task ReadHeadsAsync(DashboardDb db, int[] texts, int limit, CancellationToken ct)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        const string FirstRows = """FROM shared_copy_sentences AS h WHERE h."TextId" = t."value" ORDER BY h."ArticleId", h."Index" LIMIT @limit""";
        var cut = db.IsPostgres()
            ? $"""CROSS JOIN LATERAL (SELECT h.* {FirstRows}) AS c"""
            : $"""JOIN shared_copy_sentences AS c ON c."SentenceId" IN (SELECT h."SentenceId" {FirstRows})""";
        command.CommandText = $"""
            SELECT t."value", c."SentenceId", c."ArticleId", c."Index", a."OutletId" FROM ({db.IdsFromJson("@texts")}) AS t
            {cut}
            JOIN articles AS a ON a."Id" = c."ArticleId"
            """;
        command.Parameters.Add(db.Parameter("@texts", "[" + string.Join(',', texts) + "]"));
        command.Parameters.Add(db.Parameter("@limit", limit));
        var read = texts.ToDictionary(t => t, _ => new List<CopyHead>());
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                read[reader.GetInt32(0)].Add(new CopyHead(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4)));
            }
        }
        foreach (var (text, rows) in read) heads[text] = [.. rows.OrderBy(r => r.ArticleId).ThenBy(r => r.Index)];
    }

    static async Task<CopyHead[]> ReadAsync(DbCommand command, int text, int article, int limit, CancellationToken ct)
    {
        command.Parameters["@text"].Value = text;
        command.Parameters["@article"].Value = article;
        command.Parameters["@limit"].Value = limit;
        var rows = new List<CopyHead>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(new CopyHead(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        return [.. rows];
    }

    /// <summary>A text's rows (in article then sentence order, by the index on TextId, ArticleId, Index) with their outlet.</summary>
    static DbCommand Command(DashboardDb db, string where, string limit)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"""
            SELECT c."SentenceId", c."ArticleId", c."Index", a."OutletId" FROM shared_copy_sentences AS c JOIN articles AS a ON a."Id" = c."ArticleId"
            WHERE {where} ORDER BY c."ArticleId", c."Index" LIMIT {limit}
            """;
        foreach (var name in (string[])["@text", "@article", "@limit"])
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = DbType.Int32;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
