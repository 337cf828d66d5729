namespace AleppoDashboard.Data.Schema;

/// <summary>
/// The FTS5 full-text index over sentences (external content table), with diacritics folded so that "Sha'ar"
/// and "Shaar" are found alike. Deletes and updates are kept in step by triggers; new sentences are added by
/// their writer with <see cref="IndexNewSentencesSql"/>, once per batch in the inserting transaction (a trigger
/// per inserted row cost about a third of the ingest). The insert trigger of older databases is dropped.
/// </summary>
public static class SentenceSearchIndex
{
    public const string CreateSql = """
        CREATE VIRTUAL TABLE IF NOT EXISTS sentence_fts USING fts5(
            "Text", content='sentences', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
        DROP TRIGGER IF EXISTS sentences_ai;
        CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
            INSERT INTO sentence_fts(sentence_fts, rowid, "Text") VALUES ('delete', old."Id", old."Text");
        END;
        CREATE TRIGGER IF NOT EXISTS sentences_au AFTER UPDATE ON sentences BEGIN
            INSERT INTO sentence_fts(sentence_fts, rowid, "Text") VALUES ('delete', old."Id", old."Text");
            INSERT INTO sentence_fts(rowid, "Text") VALUES (new."Id", new."Text");
        END;
        """;

    /// <summary>Adds the sentences with ids from <c>$first</c> on (the ones just inserted) to the index.</summary>
    public const string IndexNewSentencesSql =
        "INSERT INTO sentence_fts(rowid, \"Text\") SELECT \"Id\", \"Text\" FROM sentences WHERE \"Id\" >= $first ORDER BY \"Id\"";
}
