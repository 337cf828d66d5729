namespace AleppoDashboard.Data.SharedCopyDetection;

/// <summary>
/// A shared text's first copies, stored at detection time (<see cref="CopyHeadCodec"/>): the first rows, in article then
/// sentence order, of the text and of every text it matches, kept until any one article's rows taken out still leave
/// <see cref="SharedCopyDetector.MaxListed"/> of them (or the whole group, if smaller). So a sentence's first copies in
/// other articles are the head's rows outside its own article, read with one key lookup instead of the ~50 texts of its
/// group and the first rows of each. Derived data: rewritten whole by each detection with the map.
/// </summary>
public sealed class SharedCopyHead
{
    public int TextId { get; set; }

    /// <summary>The rows, encoded by <see cref="CopyHeadCodec"/>.</summary>
    public required byte[] Rows { get; set; }
}

/// <summary>One row of a head: a sentence that carries the copy, where it stands and its article's outlet.</summary>
public readonly record struct CopyHead(int SentenceId, int ArticleId, int Index, int OutletId);
