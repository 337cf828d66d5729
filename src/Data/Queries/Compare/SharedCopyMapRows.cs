namespace AleppoDashboard.Data.Queries.Compare;

/// <summary>
/// A detected shared-copy map as the rows <see cref="SharedCopyStore"/> inserts, already written out as JSON arrays of
/// <see cref="RowsPerInsert"/> rows each (SQLite unpacks one with json_each), so that they are built before the write
/// transaction takes the database's write lock, or on another core while the writer does other work.
/// </summary>
public sealed record SharedCopyMapRows(IReadOnlyList<string> SentenceChunks, IReadOnlyList<string> TextChunks, int SharedSentences)
{
    /// <summary>Rows per INSERT: sent as one JSON array that SQLite unpacks (json_each), not one statement per row.</summary>
    public const int RowsPerInsert = 20_000;

    public static SharedCopyMapRows Of(SharedCopies found)
    {
        var sentences = found.StoredSentences.Chunk(RowsPerInsert)
            .Select(chunk => "[" + string.Join(',', chunk.Select(r => $"[{r.SentenceId},{r.ArticleId},{r.Index},{r.Text},{r.Copies}]")) + "]").ToList();
        var texts = found.StoredMatches.Chunk(RowsPerInsert)
            .Select(chunk => "[" + string.Join(',', chunk.Select(m => $"[{m.Text},\"{string.Join(' ', m.Others)}\"]")) + "]").ToList();
        return new(sentences, texts, found.Count);
    }
}
