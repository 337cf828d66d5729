using System.Diagnostics;
using System.Globalization;
using AleppoDashboard.CorpusBenchmark;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Loading;
using Microsoft.Data.Sqlite;

namespace AleppoDashboard.SoakBenchmark;

/// <summary>
/// The soak: the real web app and the real `watch` program on one database for N minutes. Several clients request
/// pages, APIs and CSV exports (read to their last byte) without pause; every minute a new batch of articles is
/// copied into the watched folder. Each minute reports requests, errors, p50/p95, the web process's resident memory
/// and the articles stored, so a leak or a slowdown over time shows as a trend.
/// </summary>
public static class Soak
{
    public static async Task<int> RunAsync(int minutes, int clients, int articles, int batch, string work)
    {
        var root = FindRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var webFolder = Path.Combine(root, "src", "Web");
        var webDll = Path.Combine(webFolder, "bin", configuration, "net10.0", "AleppoDashboard.Web.dll");
        var ingestDll = Path.Combine(root, "src", "Ingest", "bin", configuration, "net10.0", "AleppoDashboard.Ingest.dll");
        var referenceFolder = Path.Combine(root, "src", "Data", "Reference");
        var reference = new ReferenceFiles(referenceFolder);
        Directory.CreateDirectory(work);
        var pool = Path.Combine(work, "pool");
        var watched = Path.Combine(work, "watched");
        var database = Path.Combine(work, "soak.db");
        var report = new List<string>();
        void Line(string text)
        {
            Console.WriteLine(text);
            report.Add(text);
        }

        Line($"# Soak, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({configuration} build)");
        Line($"Machine: {MachineDescription.Describe()}");
        Line($"{minutes} min, {clients} clients without pause, {articles:N0} articles at start, `watch` loading {batch} new articles every minute.");
        new SyntheticCorpusWriter(Path.Combine(root, "seeds"), reference, AppContext.BaseDirectory).Write(pool, articles + batch * (minutes + 1));
        var poolFiles = Directory.EnumerateFiles(pool, "*.txt").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var manifestRows = File.ReadLines(Path.Combine(pool, "manifest.csv")).Skip(1).ToDictionary(l => l[..l.IndexOf(',')], StringComparer.Ordinal);

        if (Directory.Exists(watched)) Directory.Delete(watched, recursive: true);
        foreach (var f in new[] { database, database + "-wal", database + "-shm" }) File.Delete(f);
        var present = new List<string>();
        void AddBatch(IEnumerable<string> files)
        {
            foreach (var file in files)
            {
                File.Copy(Path.Combine(pool, file), Path.Combine(watched, file));
                present.Add(file);
            }
            // The manifest as a producer would write it: a temporary (hidden) name, then a rename over the old one.
            var temporary = Path.Combine(watched, ".manifest.csv.tmp");
            File.WriteAllLines(temporary, ["file,outlet,url,published,notes", .. present.Select(f => manifestRows[f])]);
            File.Move(temporary, Path.Combine(watched, "manifest.csv"), overwrite: true);
        }
        Directory.CreateDirectory(watched);
        AddBatch(poolFiles.Take(articles));
        var clock = Stopwatch.StartNew();
        var corpus = await Corpus.OpenAsync(DataServiceExtensions.CreateFactory(database), reference, 8 * 1024 * 1024, TimeProvider.System);
        var first = await corpus.Ingestor.IngestFolderAsync(watched);
        SqliteConnection.ClearAllPools();
        Line($"Initial load: {first.Summary} in {clock.Elapsed.TotalSeconds:0} s.");

        await using var web = await WebProcess.StartAsync(webDll, webFolder, BenchDatabase.SqliteFile(database));
        Line($"Web app warmed up {(await web.WarmedUpAsync(TimeSpan.FromMinutes(10))).TotalSeconds:0} s after start.");
        using var watcher = WatchProcess.Start(ingestDll, watched, database, referenceFolder);

        var samples = new List<Sample>();
        var errors = new List<string>();
        using var stop = new CancellationTokenSource();
        var run = Stopwatch.StartNew();
        var stored = articles;
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        { BaseAddress = web.Address, Timeout = TimeSpan.FromMinutes(2) };
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            while (!stop.IsCancellationRequested)
            {
                var urls = Urls.All(Volatile.Read(ref stored), random).ToList();
                var url = urls[random.Next(urls.Count)];
                var (ok, ms, error) = await RequestAsync(http, url);
                lock (samples)
                {
                    samples.Add(new Sample((int)(run.Elapsed.TotalMinutes), Kind(url), ms, ok));
                    if (error is not null && errors.Count < 20) errors.Add($"{url}: {error}");
                }
            }
        })).ToList();

        Line("");
        Line("| minute | requests | errors | p50 ms | p95 ms | p95 page / api / export ms | web RSS MB | articles stored | watch lines (errors) | load average |");
        Line("| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | --- |");
        var rss = new List<double>();
        var next = articles;
        for (var minute = 0; minute < minutes; minute++)
        {
            if (minute > 0)
            {
                AddBatch(poolFiles.Skip(next).Take(batch));
                next += batch;
            }
            var end = TimeSpan.FromMinutes(minute + 1);
            if (end > run.Elapsed) await Task.Delay(end - run.Elapsed);
            Volatile.Write(ref stored, StoredArticles(database));
            List<Sample> these;
            lock (samples) these = samples.Where(s => s.Minute == minute).ToList();
            var memory = web.MemoryMb("VmRSS");
            rss.Add(memory);
            var byKind = string.Join(" / ", new[] { "page", "api", "export" }.Select(k => P95(these.Where(s => s.Kind == k)).ToString("0", CultureInfo.InvariantCulture)));
            Line($"| {minute + 1} | {these.Count} | {these.Count(s => !s.Ok)} | {Percentile(these, 0.50):0} | {Percentile(these, 0.95):0} | {byKind} | {memory:0} | {stored:N0} | {watcher.Lines} ({watcher.ErrorLines}) | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} |");
        }
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        await Task.Delay(TimeSpan.FromSeconds(15)); // the last batch settles and loads
        var final = StoredArticles(database);

        Line("");
        int total, failed;
        lock (samples) (total, failed) = (samples.Count, samples.Count(s => !s.Ok));
        Line($"Requests: {total:N0}, errors: {failed}. Articles stored at the end: {final:N0} of {next:N0} copied (watch error lines: {watcher.ErrorLines}).");
        var warm = Math.Min(5, rss.Count - 1);
        if (rss.Count > warm + 1)
        {
            var after = rss.Skip(warm).ToList();
            Line($"Web RSS after warm-up (minute {warm + 1}): {after[0]:0} MB; last {after[^1]:0} MB; highest {after.Max():0} MB: growth {(after.Max() / after[0] - 1) * 100:0.0}% (target ≤ 10%).");
        }
        foreach (var e in errors) Line($"- error: {e}");
        foreach (var e in watcher.Errors.Take(10)) Line($"- watch: {e}");
        var path = Path.Combine(work, $"soak-{DateTime.UtcNow:yyyyMMdd-HHmm}.md");
        await File.WriteAllLinesAsync(path, report);
        Console.WriteLine($"Written to {path}");
        return failed == 0 ? 0 : 1;
    }

    sealed record Sample(int Minute, string Kind, double Ms, bool Ok);

    static string Kind(string url) => url.StartsWith("/export", StringComparison.Ordinal) ? "export" : url.StartsWith("/api", StringComparison.Ordinal) ? "api" : "page";

    /// <summary>One GET read to its last byte; an HTTP error status, a cut response or a timeout is an error.</summary>
    static async Task<(bool Ok, double Ms, string? Error)> RequestAsync(HttpClient http, string url)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.CopyToAsync(Stream.Null);
            return (response.IsSuccessStatusCode, clock.Elapsed.TotalMilliseconds, response.IsSuccessStatusCode ? null : $"status {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (false, clock.Elapsed.TotalMilliseconds, e.GetType().Name + ": " + e.Message);
        }
    }

    static int StoredArticles(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM articles";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    static double P95(IEnumerable<Sample> samples) => Percentile(samples.ToList(), 0.95);

    static double Percentile(List<Sample> samples, double p)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.Select(s => s.Ms).Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AleppoDashboard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("AleppoDashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
