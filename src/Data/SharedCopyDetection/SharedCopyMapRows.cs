namespace AleppoDashboard.Data.SharedCopyDetection;

/// <summary>
/// A detected shared-copy map as the rows <see cref="SharedCopyStore"/> inserts: the shared sentences with their number
/// of copies, and the texts' lists of matched texts already written out as JSON arrays of <see cref="RowsPerInsert"/>
/// rows each (SQLite unpacks one with json_each). Built before the write transaction takes the database's write lock,
/// or on another core while the writer does other work.
/// </summary>
public sealed record SharedCopyMapRows(StoredCopy[] Sentences, IReadOnlyList<string> TextChunks)
{
    /// <summary>Rows per INSERT: sent as one JSON array that SQLite unpacks (json_each), not one statement per row.</summary>
    public const int RowsPerInsert = 20_000;

    public int SharedSentences => Sentences.Length;

    public static SharedCopyMapRows Of(SharedCopies found)
    {
        var texts = found.StoredMatches.Chunk(RowsPerInsert)
            .Select(chunk => "[" + string.Join(',', chunk.Select(m => $"[{m.Text},\"{string.Join(' ', m.Others)}\"]")) + "]").ToList();
        return new([.. found.StoredSentences], texts);
    }
}
