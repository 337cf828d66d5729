namespace AleppoDashboard.Data.Schema;

/// <summary>
/// The FTS5 full-text index over sentences (external content table kept in step by triggers),
/// with diacritics folded so that "Sha'ar" and "Shaar" are found alike.
/// </summary>
public static class SentenceSearchIndex
{
    public const string CreateSql = """
        CREATE VIRTUAL TABLE IF NOT EXISTS sentence_fts USING fts5(
            "Text", content='sentences', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
            INSERT INTO sentence_fts(rowid, "Text") VALUES (new."Id", new."Text");
        END;
        CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
            INSERT INTO sentence_fts(sentence_fts, rowid, "Text") VALUES ('delete', old."Id", old."Text");
        END;
        CREATE TRIGGER IF NOT EXISTS sentences_au AFTER UPDATE ON sentences BEGIN
            INSERT INTO sentence_fts(sentence_fts, rowid, "Text") VALUES ('delete', old."Id", old."Text");
            INSERT INTO sentence_fts(rowid, "Text") VALUES (new."Id", new."Text");
        END;
        """;
}
