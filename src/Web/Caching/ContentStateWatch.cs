using AleppoDashboard.Data;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.SharedCopyDetection;

namespace AleppoDashboard.Web.Caching;

/// <summary>
/// The content state the output cache keys pages by (<see cref="PageOutputCache.ContentStateAsync"/>), held in memory on
/// SQLite: reading it from the database on every request (a context, a connection from the pool, one query) held a
/// cached small page at 0.34–0.45× the requests/s of the same bytes as a static file (benchmarks/PERFORMANCE.md).
/// Any process may commit an ingest, so the database file and its write-ahead log are looked at on every request (two
/// stat calls and the log index's header): a commit writes them, and a changed size, time or header reads the state again. The stamp is taken
/// before the read, so a commit landing between the two is seen on the next request. File times can be coarse (a
/// kernel tick) and a log that restarted after a checkpoint can keep its size, so the state is also read again at least
/// every <see cref="MaxAge"/>. PostgreSQL has no file to watch: there the state is read on every request, as before.
/// A page is still rendered from one snapshot of one state; this only decides which cached copy a request may get.
/// </summary>
public sealed class ContentStateWatch(DatabaseTarget target, TimeProvider time)
{
    /// <summary>The longest a held state is used without reading it again, whatever the files say.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    sealed record Held(string Version, bool Current, FileStamp Stamp, long ReadAt);

    readonly record struct FileStamp(long DatabaseLength, DateTime DatabaseWritten, long LogLength, DateTime LogWritten, LogIndexHeader LogIndex)
    {
        public static FileStamp Of(string path)
        {
            var database = new FileInfo(path);
            var log = new FileInfo(path + "-wal");
            return new(database.Exists ? database.Length : -1, database.LastWriteTimeUtc, log.Exists ? log.Length : -1, log.LastWriteTimeUtc,
                LogIndexHeader.Of(path + "-shm"));
        }
    }

    /// <summary>
    /// Bytes 8–47 of the write-ahead log's index (the -shm file): SQLite's change counter, the log's last frame, its
    /// checksum and its salts, which every commit changes, even one that restarts the log at its old size within one
    /// tick of the file clock (a request then got the page cached for the state before: PageOutputCacheTests).
    /// </summary>
    readonly record struct LogIndexHeader(long A, long B, long C, long D, long E)
    {
        public static LogIndexHeader Of(string path)
        {
            try
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
                Span<byte> header = stackalloc byte[48];
                if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length) return default;
                return new(Read(header, 8), Read(header, 16), Read(header, 24), Read(header, 32), Read(header, 40));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return default; // no log index (not in WAL mode, or between connections): the file stamps and MaxAge decide
            }
        }

        static long Read(ReadOnlySpan<byte> bytes, int at) => System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes[at..]);
    }

    Held? held;

    /// <summary>The content version and whether the stored shared-copy map is that version's.</summary>
    public async ValueTask<(string Version, bool Current)> StateAsync(IServiceProvider requestServices, CancellationToken ct)
    {
        if (target.Provider != DatabaseProvider.Sqlite || target.SqlitePath is not { } path)
        {
            return await SharedCopyStore.StateAsync(requestServices.GetRequiredService<DashboardDb>(), ct);
        }
        var stamp = FileStamp.Of(path);
        var now = time.GetTimestamp();
        if (held is { } h && h.Stamp == stamp && time.GetElapsedTime(h.ReadAt, now) < MaxAge) return (h.Version, h.Current);
        var (version, current) = await SharedCopyStore.StateAsync(requestServices.GetRequiredService<DashboardDb>(), ct);
        held = new Held(version, current, stamp, now);
        return (version, current);
    }
}
