using System.Diagnostics;
using AleppoDashboard.CorpusBenchmark;
using AleppoDashboard.ReaderCapacity.Circuit;

/// <summary>The run with circuit-level readers: open them, let each move its slider every 2–4 s, report, let them leave.</summary>
static class CircuitRun
{
    public static async Task RunAsync(WebProcess web, int readers, int seconds, double atRest, Func<string> load, Action<string, IEnumerable<double>> report)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = web.Address, Timeout = TimeSpan.FromMinutes(2) };
        var opening = Stopwatch.StartNew();
        var list = new List<CircuitReader>();
        for (var i = 0; i < readers; i++)
        {
            try
            {
                list.Add(await CircuitReader.OpenAsync(http, web.Address, i % 2 == 0 ? "/control" : "/map", CancellationToken.None));
            }
            catch (TimeoutException)
            {
                Console.WriteLine("A reader's circuit did not start. The web app's last lines:\n" + web.RecentOutput);
                throw;
            }
        }
        await Task.Delay(TimeSpan.FromSeconds(5));
        var connected = web.MemoryMb("VmRSS");
        Console.WriteLine($"{readers} readers connected in {opening.Elapsed.TotalSeconds:F0} s: {connected:F0} MB resident, {(connected - atRest) / readers:F1} MB per reader; load {load()}");

        web.ResetPeakMemory();
        var cpuBefore = ProcessCpu.Seconds(web.Pid);
        var clientCpuBefore = ProcessCpu.Seconds(Environment.ProcessId);
        var clock = Stopwatch.StartNew();
        var until = DateTime.UtcNow.AddSeconds(seconds);
        var failures = 0;
        var samples = await Task.WhenAll(list.Select(async (reader, i) =>
        {
            var random = new Random(i);
            var mine = new List<(double Key, double Navigation, string Path)>();
            while (DateTime.UtcNow < until)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(2000 + random.Next(2000)));
                try
                {
                    var (key, navigation) = await reader.StepAsync(CancellationToken.None);
                    mine.Add((key, navigation, reader.Path));
                }
                catch (Exception e) when (e is TimeoutException or HttpRequestException or InvalidOperationException)
                {
                    Interlocked.Increment(ref failures);
                    Console.WriteLine($"a change on {reader.Path} failed: {e.Message.Split('\n')[0]} {reader.Error}");
                }
            }
            return mine;
        }));
        var all = samples.SelectMany(s => s).ToList();
        var serverCpu = ProcessCpu.Seconds(web.Pid) - cpuBefore;
        var clientCpu = ProcessCpu.Seconds(Environment.ProcessId) - clientCpuBefore;
        Console.WriteLine($"during the run: peak {web.MemoryMb("VmHWM"):F0} MB resident; load {load()}");
        Console.WriteLine($"CPU during the run ({clock.Elapsed.TotalSeconds:F0} s wall, {all.Count} changes, {all.Count / clock.Elapsed.TotalSeconds:F1} a second): server {serverCpu:F1} s ({1000 * serverCpu / Math.Max(1, all.Count):F0} ms a change), this client {clientCpu:F1} s");
        report("slider key press (input, change) to view updated", all.Select(s => s.Key));
        report("navigation to view updated (page fetched, /map GeoJSON fetched, circuit components updated)", all.Select(s => s.Navigation));
        foreach (var page in new[] { "/control", "/map" })
        {
            report($"  {page}: navigation to view updated", all.Where(s => s.Path == page).Select(s => s.Navigation));
        }
        Console.WriteLine($"failed or timed-out changes: {failures}");

        foreach (var reader in list) await reader.DisposeAsync();
        foreach (var wait in new[] { 30, 90, 200 })
        {
            await Task.Delay(TimeSpan.FromSeconds(wait - (wait == 30 ? 0 : wait == 90 ? 30 : 90)));
            Console.WriteLine($"{wait} s after the readers left: {web.MemoryMb("VmRSS"):F0} MB resident (at rest: {atRest:F0} MB); load {load()}");
        }
    }
}
