using System.Text;

namespace AleppoDashboard.Data.SharedCopyDetection;

/// <summary>
/// A detected shared-copy map as the rows <see cref="SharedCopyStore"/> inserts: the shared sentences with their number
/// of copies, and each text's list of matched texts. The copies are counted by <see cref="Of"/> (before the write
/// transaction takes the database's write lock, or on another core while the writer does other work); the rows
/// themselves are produced as they are written, never held as a whole: at 1,000,000 synthetic articles the map is
/// 19 M sentences and hundreds of millions of matches, which as arrays and JSON text took gigabytes.
/// </summary>
public sealed class SharedCopyMapRows
{
    /// <summary>At most about this many characters of JSON per chunk of <see cref="TextChunks"/>.</summary>
    public const int CharsPerChunk = 1 << 20;

    readonly SharedCopies found;
    readonly int[] copies;

    SharedCopyMapRows(SharedCopies found, int[] copies) => (this.found, this.copies) = (found, copies);

    public static SharedCopyMapRows Of(SharedCopies found) => new(found, found.CopiesPerRow());

    public int SharedSentences => found.Count;

    /// <summary>The shared sentences, in article then sentence order.</summary>
    public IEnumerable<StoredCopy> Sentences => found.StoredRows(copies);

    /// <summary>
    /// Each shared text's head (<see cref="SharedCopyHead"/>), with the outlets numbered as the database numbers them
    /// (<paramref name="outletIds"/>, by name): made when the write knows those numbers, on every core, a block of
    /// texts at a time (all at once they would be ~0.5 GB more at 1,000,000 articles).
    /// </summary>
    public IEnumerable<(int TextId, byte[] Rows)> Heads(IReadOnlyDictionary<string, int> outletIds)
    {
        const int Block = 1 << 16;
        for (var from = 0; from < found.Texts; from += Block)
        {
            var heads = found.EncodedHeads(outletIds, from, Math.Min(from + Block, found.Texts));
            for (var i = 0; i < heads.Length; i++)
            {
                if (heads[i] is { } head) yield return (from + i, head);
            }
        }
    }

    /// <summary>Each shared text that matches other shared texts, with their ids space-separated (shared_copy_texts).</summary>
    public IEnumerable<(int TextId, string Matched)> Texts
    {
        get
        {
            var line = new StringBuilder();
            foreach (var (text, others) in found.StoredMatches)
            {
                line.Clear();
                foreach (var other in others)
                {
                    if (line.Length > 0) line.Append(' ');
                    line.Append(other);
                }
                yield return (text, line.ToString());
            }
        }
    }

    /// <summary>
    /// <see cref="Texts"/> as JSON arrays of <c>[id, "matched"]</c> rows, each of about <see cref="CharsPerChunk"/>
    /// characters (a text's list is never split), for a server that unpacks one with a JSON function.
    /// </summary>
    public IEnumerable<string> TextChunks
    {
        get
        {
            var chunk = new StringBuilder();
            foreach (var (text, matched) in Texts)
            {
                chunk.Append(chunk.Length == 0 ? "[" : ",").Append('[').Append(text).Append(",\"").Append(matched).Append("\"]");
                if (chunk.Length < CharsPerChunk) continue;
                yield return chunk.Append(']').ToString();
                chunk.Clear();
            }
            if (chunk.Length > 0) yield return chunk.Append(']').ToString();
        }
    }
}
