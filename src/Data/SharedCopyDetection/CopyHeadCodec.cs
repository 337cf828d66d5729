namespace AleppoDashboard.Data.SharedCopyDetection;

/// <summary>
/// The bytes of a <see cref="SharedCopyHead"/>: its rows (in article then sentence order) as variable-length integers,
/// each field but the outlet as the step from the row before (articles, and sentence ids with them, climb in small
/// steps), about 6 bytes a row instead of 16. One form on both providers, so both list the same copies.
/// </summary>
public static class CopyHeadCodec
{
    public static byte[] Encode(ReadOnlySpan<CopyHead> rows)
    {
        var bytes = new List<byte>(2 + rows.Length * 8);
        Write(bytes, (uint)rows.Length);
        CopyHead previous = default;
        foreach (var r in rows)
        {
            var sameArticle = r.ArticleId == previous.ArticleId;
            Write(bytes, (uint)(r.ArticleId - previous.ArticleId));
            Write(bytes, (uint)(sameArticle ? r.Index - previous.Index : r.Index));
            Write(bytes, ZigZag(r.SentenceId - previous.SentenceId));
            Write(bytes, (uint)r.OutletId);
            previous = r;
        }
        return [.. bytes];
    }

    public static CopyHead[] Decode(byte[] bytes)
    {
        var at = 0;
        var rows = new CopyHead[Read(bytes, ref at)];
        CopyHead previous = default;
        for (var i = 0; i < rows.Length; i++)
        {
            var article = previous.ArticleId + (int)Read(bytes, ref at);
            var index = (int)Read(bytes, ref at) + (article == previous.ArticleId ? previous.Index : 0);
            var sentence = previous.SentenceId + UnZigZag(Read(bytes, ref at));
            rows[i] = previous = new CopyHead(sentence, article, index, (int)Read(bytes, ref at));
        }
        return rows;
    }

    static uint ZigZag(int v) => (uint)((v << 1) ^ (v >> 31));

    static int UnZigZag(uint v) => (int)(v >> 1) ^ -(int)(v & 1);

    static void Write(List<byte> bytes, uint v)
    {
        for (; v >= 0x80; v >>= 7) bytes.Add((byte)(v | 0x80));
        bytes.Add((byte)v);
    }

    static uint Read(byte[] bytes, ref int at)
    {
        uint v = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            v |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return v;
        }
    }
}
