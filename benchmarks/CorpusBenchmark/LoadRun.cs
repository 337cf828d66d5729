using System.Diagnostics;

namespace AleppoDashboard.CorpusBenchmark;

/// <summary>Latencies of one URL under a bounded concurrent loop on loopback: time to first byte and to the last byte.</summary>
/// <see cref="FirstMs"/> is the URL's first request (the first warm-up): what a reader waits for when a view's cache is cold.
public sealed record LoadResult(string Path, int Requests, int Errors, double P50Ms, double P95Ms, double FirstByteP50Ms, long BytesPerResponse, double FirstMs)
{
    public string Row => $"| `{Path}` | {Requests} | {Errors} | {P50Ms:0} | {P95Ms:0} | {FirstByteP50Ms:0} | {BytesPerResponse / 1024.0:0} | {FirstMs:0} |";
}

public static class LoadRun
{
    /// <summary>
    /// <paramref name="workers"/> loops each request <paramref name="path"/> until <paramref name="requests"/> have been made
    /// in all or <paramref name="timeCap"/> has passed (a started request always finishes); two warm-up requests first,
    /// and a URL whose warm-up alone takes longer than the cap is reported from that one request.
    /// </summary>
    public static async Task<LoadResult> RunAsync(HttpClient client, string path, int workers, int requests, TimeSpan timeCap)
    {
        var firstMs = double.NaN;
        for (var i = 0; i < 2; i++)
        {
            var warm = await TimeOneAsync(client, path);
            if (i == 0) firstMs = warm.TotalMs;
            if (warm.TotalMs > timeCap.TotalMilliseconds)
            {
                // Slower than the whole time cap: one timed request is the figure; a loop would only take longer.
                return new LoadResult(path, 1, warm.Ok ? 0 : 1, warm.TotalMs, warm.TotalMs, warm.FirstMs, warm.Bytes, firstMs);
            }
        }
        var total = new List<double>();
        var firstByte = new List<double>();
        var errors = 0;
        long bytes = 0;
        var started = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (Interlocked.Increment(ref started) <= requests && clock.Elapsed < timeCap)
            {
                var (ok, first, all, length) = await TimeOneAsync(client, path);
                lock (total)
                {
                    if (!ok) errors++;
                    total.Add(all);
                    firstByte.Add(first);
                    bytes = length;
                }
            }
        }));
        return new LoadResult(path, total.Count, errors, Percentile(total, 0.50), Percentile(total, 0.95), Percentile(firstByte, 0.50), bytes, firstMs);
    }

    /// <summary>One GET read to its last byte: (status 200?, ms to the response headers, ms to the last byte, bytes).</summary>
    public static async Task<(bool Ok, double FirstMs, double TotalMs, long Bytes)> TimeOneAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            var first = clock.Elapsed.TotalMilliseconds;
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            long length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0) length += read;
            return (response.IsSuccessStatusCode, first, clock.Elapsed.TotalMilliseconds, length);
        }
        catch (TaskCanceledException)
        {
            // The client's timeout: counted as an error, with the time it waited.
            return (false, clock.Elapsed.TotalMilliseconds, clock.Elapsed.TotalMilliseconds, 0);
        }
    }

    static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
