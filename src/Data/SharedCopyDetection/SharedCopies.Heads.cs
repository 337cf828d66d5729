namespace AleppoDashboard.Data.SharedCopyDetection;

public sealed partial class SharedCopies
{
    /// <summary>
    /// The stored heads (<see cref="SharedCopyHead"/>) of the texts numbered <paramref name="from"/> up to
    /// <paramref name="to"/>, encoded, by text number from <paramref name="from"/> (null for a text that is not shared),
    /// with the outlets as <paramref name="outletIds"/> numbers them (by name). Made on every core: a merge of each
    /// text's group, the size of the matches that the map holds anyway.
    /// </summary>
    public byte[]?[] EncodedHeads(IReadOnlyDictionary<string, int> outletIds, int from, int to, int keep = SharedCopyDetector.MaxListed)
    {
        var ids = outlets.Select(name => outletIds[name]).ToArray();
        var heads = new byte[]?[to - from];
        Parallel.For(from, to, () => (Queue: new PriorityQueue<(int Text, int At), int>(), Head: new List<CopyHead>()), (t, _, work) =>
        {
            if (shared[t]) heads[t - from] = CopyHeadCodec.Encode(HeadOf(t, keep, ids, work.Queue, work.Head));
            return work;
        }, _ => { });
        return heads;
    }

    /// <summary>
    /// The first rows of text <paramref name="t"/>'s group (itself and the shared texts it matches, as the stored map has
    /// them), merged in row order (article then sentence), until the rows outside the article that holds most of them
    /// number <paramref name="keep"/>: then for any article, its rows taken out, the first <paramref name="keep"/> copies
    /// of the group outside it are among them (the rows that follow are later than every one taken).
    /// </summary>
    Span<CopyHead> HeadOf(int t, int keep, int[] outletIds, PriorityQueue<(int Text, int At), int> queue, List<CopyHead> head)
    {
        queue.Clear();
        head.Clear();
        queue.Enqueue((t, memberStart[t]), memberRows[memberStart[t]]);
        foreach (var u in Matched(t))
        {
            if (shared[u]) queue.Enqueue((u, memberStart[u]), memberRows[memberStart[u]]);
        }
        var (run, longest) = (0, 0);
        while (queue.TryDequeue(out var next, out var row))
        {
            var r = rows[row];
            run = head.Count > 0 && head[^1].ArticleId == r.ArticleId ? run + 1 : 1;
            longest = Math.Max(longest, run);
            head.Add(new CopyHead(r.SentenceId, r.ArticleId, r.Index, outletIds[r.Outlet]));
            if (head.Count - longest >= keep) break;
            if (next.At + 1 < memberStart[next.Text + 1]) queue.Enqueue((next.Text, next.At + 1), memberRows[next.At + 1]);
        }
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(head);
    }
}
