using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Schema;

/// <summary>
/// The FTS5 full-text index over sentences (external content: the view <c>sentence_search</c>), with diacritics folded
/// so that "Sha'ar" and "Shaar" are found alike. A sentence with Arabic is indexed by its <c>SearchText</c> (alef forms,
/// taa marbuta, alef maqsura, harakat, tatweel, digits and clitics folded, which the tokenizer does not do), any
/// other by its text. Deletes and updates are kept in step by triggers; new sentences are added by
/// their writer with <see cref="IndexNewSentencesSql"/>, once per batch in the inserting transaction (a trigger
/// per inserted row cost about a third of the ingest). The insert trigger of older databases is dropped.
/// A bulk load into an empty database indexes its sentences in chunks of many batches instead, with the merge settings
/// of a rebuild (<see cref="BulkMergeSettingsSql"/>; BulkLoad); if it is killed before its end, the next open finds the
/// index behind the sentences and rebuilds it (<see cref="CatchUpAsync"/>).
/// </summary>
public static class SentenceSearchIndex
{
    public const string CreateSql = """
        CREATE VIEW IF NOT EXISTS sentence_search AS
            SELECT "Id", COALESCE("SearchText", "Text") AS "Text" FROM sentences;
        CREATE VIRTUAL TABLE IF NOT EXISTS sentence_fts USING fts5(
            "Text", content='sentence_search', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
        DROP TRIGGER IF EXISTS sentences_ai;
        CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
            INSERT INTO sentence_fts(sentence_fts, rowid, "Text") VALUES ('delete', old."Id", COALESCE(old."SearchText", old."Text"));
        END;
        CREATE TRIGGER IF NOT EXISTS sentences_au AFTER UPDATE ON sentences BEGIN
            INSERT INTO sentence_fts(sentence_fts, rowid, "Text") VALUES ('delete', old."Id", COALESCE(old."SearchText", old."Text"));
            INSERT INTO sentence_fts(rowid, "Text") VALUES (new."Id", COALESCE(new."SearchText", new."Text"));
        END;
        """;

    /// <summary>Adds the sentences with ids from <c>$first</c> on (the ones just inserted) to the index.</summary>
    public const string IndexNewSentencesSql =
        "INSERT INTO sentence_fts(rowid, \"Text\") SELECT \"Id\", COALESCE(\"SearchText\", \"Text\") FROM sentences WHERE \"Id\" >= $first ORDER BY \"Id\"";

    /// <summary>
    /// Adds the sentences with ids in [<c>$from</c>, <c>$to</c>) to the index, leaving out any it already holds (another
    /// process that opened the database during a bulk load may have rebuilt the index with them: <see cref="CatchUpAsync"/>).
    /// </summary>
    public const string IndexSentenceRangeSql =
        "INSERT INTO sentence_fts(rowid, \"Text\") SELECT \"Id\", COALESCE(\"SearchText\", \"Text\") FROM sentences " +
        "WHERE \"Id\" >= $from AND \"Id\" < $to AND \"Id\" NOT IN (SELECT id FROM sentence_fts_docsize WHERE id >= $from AND id < $to) ORDER BY \"Id\"";

    /// <summary>
    /// While rebuilding or bulk loading, the segments FTS5 writes are not merged as they come (automerge 0), and a level is
    /// merged at once only when it holds 64 of them (crisismerge; default 16): the index costs less CPU, and searches are as
    /// fast on the segments left as after a default rebuild (benchmarks/PERFORMANCE.md). Stored in the index's config
    /// table: <see cref="DefaultMergeSettingsSql"/> sets the defaults back after.
    /// </summary>
    public const string BulkMergeSettingsSql =
        "INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('automerge', 0); " +
        "INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('crisismerge', 64);";

    /// <summary>FTS5's default merge settings, so that later writes merge the segments as usual.</summary>
    public const string DefaultMergeSettingsSql =
        "INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('automerge', 4); " +
        "INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('crisismerge', 16);";

    /// <summary>
    /// Indexes every stored sentence anew (FTS5's 'rebuild' of an external-content table: it reads the sentences
    /// table once) and raises the content version, so that cached search results are read again. Call inside a
    /// transaction.
    /// </summary>
    public static async Task RebuildAsync(DashboardDb db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(BulkMergeSettingsSql, ct);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO sentence_fts(sentence_fts) VALUES ('rebuild');", ct);
        await db.Database.ExecuteSqlRawAsync(DefaultMergeSettingsSql, ct);
        await ContentVersion.BumpAsync(db, ct);
    }

    /// <summary>
    /// Rebuilds the index if sentences were stored that it does not hold (a bulk load killed before its end: sentences
    /// are stored in ascending ids, and every other writer indexes its sentences in the inserting transaction).
    /// Two primary-key lookups when nothing is missing. Returns whether it rebuilt. A process that opens the database
    /// while another one bulk-loads it rebuilds the index of the sentences stored so far (the loader's own rebuild at
    /// its end indexes them all again).
    /// </summary>
    public static async Task<bool> CatchUpAsync(DashboardDb db, CancellationToken ct)
    {
        var behind = await db.Database.SqlQueryRaw<bool>(
            "SELECT COALESCE((SELECT max(\"Id\") FROM sentences), 0) > COALESCE((SELECT max(id) FROM sentence_fts_docsize), 0) AS Value")
            .ToListAsync(ct);
        if (!behind[0])
        {
            // A bulk load killed right after indexing a chunk leaves the index whole but with its merge settings.
            var bulkSettings = await db.Database.SqlQueryRaw<int>(
                "SELECT COUNT(*) AS Value FROM sentence_fts_config WHERE k = 'automerge' AND v = 0").ToListAsync(ct);
            if (bulkSettings[0] > 0) await db.Database.ExecuteSqlRawAsync(DefaultMergeSettingsSql, ct);
            return false;
        }
        await RebuildAsync(db, ct);
        return true;
    }
}
