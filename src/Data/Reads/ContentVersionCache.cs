using System.Collections.Concurrent;
using AleppoDashboard.Data.Schema;

namespace AleppoDashboard.Data.Reads;

/// <summary>
/// Values computed from the database, kept per key until <see cref="ContentVersion"/> moves (every ingest,
/// re-extraction or reference sync raises it). Holds one version at a time: the first value stored of a new version
/// drops every value of another, so after an ingest the old corpus's views are not kept until their own keys come
/// round again (with `watch` loading every minute they were a second copy of the data: the soak, PERFORMANCE.md).
/// Bounded: when a new value would make more than <paramref name="maxEntries"/> entries, or more than
/// <paramref name="maxSize"/> by <paramref name="sizeOf"/>, the cache is emptied first. One computation at a time: concurrent first requests for a key wait for the first
/// one's value instead of each computing it. The values are shared between requests: read them, never change them.
/// </summary>
public sealed class ContentVersionCache<T>(int maxEntries, Func<T, long>? sizeOf = null, long maxSize = long.MaxValue)
{
    readonly ConcurrentDictionary<string, (long Stamp, T Value)> entries = new();
    readonly SemaphoreSlim computing = new(1, 1);

    /// <summary>The value kept for <paramref name="key"/> if it was computed at <paramref name="version"/>.</summary>
    public bool TryGet(string key, long version, out T value)
    {
        var found = entries.TryGetValue(key, out var entry) && entry.Stamp == version;
        value = found ? entry.Value : default!;
        return found;
    }

    /// <summary>How many values are held (of the last version stored).</summary>
    public int Count => entries.Count;

    public async Task<T> GetAsync(DashboardDb db, string key, Func<Task<T>> compute, CancellationToken ct)
    {
        await using (var _ = await ReadSnapshot.BeginUnlessInTransactionAsync(db, ct))
        {
            if (TryGet(key, await ContentVersion.ReadAsync(db, ct), out var cached)) return cached;
        }
        await computing.WaitAsync(ct);
        try
        {
            // The counter and the value are read in one snapshot, so a value is never stored under a newer number than its data.
            await using var snapshot = await ReadSnapshot.BeginUnlessInTransactionAsync(db, ct);
            var current = await ContentVersion.ReadAsync(db, ct);
            if (TryGet(key, current, out var cached)) return cached;
            var value = await compute();
            // Only this method writes, one call at a time, so the check and the removals see no other writer.
            foreach (var (k, other) in entries)
            {
                if (other.Stamp != current) entries.TryRemove(k, out _);
            }
            var size = sizeOf is null ? 0 : entries.Values.Sum(e => sizeOf(e.Value)) + sizeOf(value);
            if (entries.Count >= maxEntries || size > maxSize) entries.Clear();
            entries[key] = (current, value);
            return value;
        }
        finally
        {
            computing.Release();
        }
    }
}
