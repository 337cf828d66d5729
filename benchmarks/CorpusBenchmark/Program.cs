using System.Diagnostics;
using System.Globalization;
using AleppoDashboard.CorpusBenchmark;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Loading;
using Microsoft.EntityFrameworkCore;

// Builds databases of N synthetic articles through the real ingest path and measures ingest, page and export
// latency under concurrent loopback load against the real web app, mentions export speed and memory. See PERFORMANCE.md.
// Usage: dotnet run -c Release --project benchmarks/CorpusBenchmark -- [--articles 10000,100000] [--workers 4]
//        [--requests 40] [--seconds 20] [--work /tmp/aleppo-corpus-benchmark] [--reuse-db] [--ingest-only] [--only /path (that path with and without query)] [--skip text (URLs containing it)] [--no-export]
//        [--first-requests 20 (instead of the load: that many new filters per page, each requested once; FirstRequestProbe)] [--no-facets (the web app computes in SQL)]
//        [--provider sqlite|postgres|sqlite,postgres (both: side by side from the same run)]
//        [--postgres "<superuser connection string>" (or ALEPPO_BENCH_POSTGRES; else a throwaway server from tests/postgres/test-server.sh)]
//        [--skip-load (no pages under load: only the ingest and the export)] [--export (with --first-requests: the mentions export too)]
//        [--keep-postgres (leave that throwaway server running for the next run's --reuse-db; BenchPostgresServer)]
var options = Options.Parse(args);
var root = FindRoot();
var reference = new ReferenceFiles(Path.Combine(root, "src", "Data", "Reference"));
var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
var webFolder = Path.Combine(root, "src", "Web");
var webDll = Path.Combine(webFolder, "bin", configuration, "net10.0", "AleppoDashboard.Web.dll");
Directory.CreateDirectory(options.Work);
var report = new Report(Path.Combine(options.Work, $"results-{DateTime.UtcNow:yyyyMMdd-HHmm}.md"));

report.Line($"# Corpus benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({configuration} build)");
report.Line("");
report.Line($"Machine: {MachineDescription.Describe()}");
report.Line($"Load: {options.Workers} concurrent workers, at most {options.Requests} requests or {options.Seconds} s per URL (after 2 warm-up requests), loopback.");
var total = Stopwatch.StartNew();

using var postgresServer = options.Providers.Contains(DatabaseProvider.Postgres)
    ? BenchPostgresServer.Open(options.Postgres ?? Environment.GetEnvironmentVariable("ALEPPO_BENCH_POSTGRES"), root, options.Work, args.Contains("--keep-postgres"))
    : null;
if (postgresServer is not null) report.Line($"PostgreSQL: {postgresServer.Description}; SQLite: a file in {options.Work}.");

foreach (var size in options.Sizes)
{
    report.Line("");
    report.Line($"## {size:N0} articles");
    var corpusFolder = Path.Combine(options.Work, $"corpus-{size}");

    var clock = Stopwatch.StartNew();
    var wrote = new SyntheticCorpusWriter(Path.Combine(root, "seeds"), reference, AppContext.BaseDirectory).Write(corpusFolder, size);
    report.Line(wrote ? $"- corpus written in {clock.Elapsed.TotalSeconds:0.0} s ({FolderMb(corpusFolder):0} MB) to {corpusFolder}" : $"- corpus reused from {corpusFolder} ({FolderMb(corpusFolder):0} MB)");
    var databases = options.Providers
        .Select(p => p == DatabaseProvider.Postgres ? BenchDatabase.Postgres(postgresServer!.ConnectionString, size) : BenchDatabase.Sqlite(options.Work, size))
        .ToList();
    var summary = new SideBySide(databases.Select(d => d.Name).ToList());

    foreach (var database in databases)
    {
        report.Line("");
        report.Line($"### {database.Name}, {size:N0} articles: ingest");
        if (!(options.ReuseDb && await database.ExistsAsync()))
        {
            await database.RecreateAsync();
            var factory = database.Factory();
            var cost = IngestCost.Start();
            var load = FirstRequestProbe.LoadAverage();
            clock.Restart();
            var corpus = await Corpus.OpenAsync(factory, reference, 8 * 1024 * 1024, TimeProvider.System);
            var ingest = await corpus.Ingestor.IngestFolderAsync(corpusFolder);
            var seconds = clock.Elapsed.TotalSeconds;
            var spent = cost.Stop();
            await using var db = await factory.CreateDbContextAsync();
            // What the run did after its last write of articles and the indexes: the shared-copy detection (in a bulk load,
            // the part of it not done while the indexes were built) and storing its map.
            var detection = corpus.Ingestor.Times.Totals().Where(t => t.Stage.StartsWith("shared-copy", StringComparison.Ordinal)).Sum(t => t.Seconds);
            report.Line($"- **ingest, the whole run (read, split, extract, store, indexes, shared-copy detection and map): {size / seconds:0} articles/s** ({seconds:0.0} s; {ingest.Summary}); load before {load}, after {FirstRequestProbe.LoadAverage()}");
            summary.Add("ingest, whole run (articles/s)", database.Name, $"{size / seconds:0}");
            report.Line($"- of which the load until its articles and indexes are written: {size / (seconds - detection):0} articles/s ({seconds - detection:0.0} s); " +
                        $"then {detection:0.0} s for the shared-copy map ({ingest.SharedCopy})");
            summary.Add("ingest, load until articles and indexes are written (articles/s)", database.Name, $"{size / (seconds - detection):0}");
            report.Line($"- benchmark process during the run: {spent}");
            report.Line("- time per stage (s): " + string.Join(", ", corpus.Ingestor.Times.Totals().Select(t => $"{t.Stage} {t.Seconds:0.00} (cpu {(t.CpuSeconds is { } cpu ? cpu.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "n/a: moved threads")})")));
            var settle = await database.SettleAsync();
            if (settle > TimeSpan.Zero) report.Line($"- then VACUUM (ANALYZE), as autovacuum would soon after a bulk load: {settle.TotalSeconds:0.0} s (not counted in the rate)");
            report.Line($"- database: {await db.Articles.CountAsync():N0} articles, {await db.Sentences.CountAsync():N0} sentences, " +
                        $"{await db.PlaceMentions.CountAsync():N0} place mentions, {await db.ControlClaims.CountAsync():N0} control claims, " +
                        $"{await db.SourceAttributions.CountAsync():N0} attributions, {await db.FramingTermHits.CountAsync():N0} term hits; " +
                        $"{await database.SizeMbAsync():0} MB");
            summary.Add("database size (MB)", database.Name, $"{await database.SizeMbAsync():0}");
        }
        else
        {
            report.Line($"- database reused: {database.Target}");
        }
        BenchDatabase.ClearPools();
    }
    if (!options.IngestOnly && databases.All(d => d.Provider == DatabaseProvider.Sqlite) && options.Providers.Length == 1)
    {
        report.Line($"- of which read + split + extract alone (no database, one thread): {await ExtractOnlyAsync(corpusFolder, reference):0} articles/s");
    }
    if (options.IngestOnly)
    {
        summary.Write(report.Line, size);
        continue;
    }

    foreach (var database in databases)
    {
        if (options.FirstRequests is { } perPage)
        {
            report.Line("");
            report.Line($"### {database.Name}, {size:N0} articles: first requests");
            List<string> outlets, places;
            await using (var db = await database.Factory().CreateDbContextAsync())
            {
                outlets = await db.Outlets.OrderBy(o => o.Slug).Select(o => o.Slug).ToListAsync();
                places = await db.Places.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            }
            BenchDatabase.ClearPools();
            var words = FirstRequestProbe.Words(Path.Combine(AppContext.BaseDirectory, "sentence-templates.txt"), reference.ReadGazetteer().Select(p => p.Name));
            await using var web = await WebProcess.StartAsync(webDll, webFolder, database, options.NoFacets ? ["--Caches:Facets=false"] : []);
            if (options.NoFacets) report.Line("- web app started with --Caches:Facets=false (views computed in SQL, as before the facets)");
            using var client = new HttpClient { BaseAddress = web.Address, Timeout = TimeSpan.FromMinutes(10) };
            var warm = await web.WarmedUpAsync(TimeSpan.FromMinutes(30));
            report.Line($"- web app warm-up (unfiltered views) done {warm.TotalSeconds:0.0} s after start; VmRSS {web.MemoryMb("VmRSS"):0} MB");
            summary.Add("web app warm-up after start (s)", database.Name, $"{warm.TotalSeconds:0.0}");
            await Task.Delay(TimeSpan.FromSeconds(5));
            report.Line($"- web process at rest before the probe: VmRSS {web.MemoryMb("VmRSS"):0} MB (VmHWM {web.MemoryMb("VmHWM"):0} MB)");
            summary.Add("web process at rest, VmRSS (MB)", database.Name, $"{web.MemoryMb("VmRSS"):0}");
            var probe = await FirstRequestProbe.RunAsync(client, perPage, words, outlets, places, report.Line, options.Only, options.Skip);
            foreach (var (page, r) in probe)
            {
                summary.Add($"first request p95 `{page}` (ms)", database.Name, $"{r.P95:0}" + (r.Errors > 0 ? $" ({r.Errors} errors)" : ""));
            }
            report.Line($"- web process after the probe: VmRSS {web.MemoryMb("VmRSS"):0} MB, VmHWM {web.MemoryMb("VmHWM"):0} MB");
            summary.Add("web process after the probe, VmRSS / VmHWM (MB)", database.Name, $"{web.MemoryMb("VmRSS"):0} / {web.MemoryMb("VmHWM"):0}");
            continue;
        }

        if (args.Contains("--skip-load")) continue;
        // Web process 1: memory at rest, then the page and export load.
        report.Line("");
        report.Line($"### {database.Name}, {size:N0} articles: pages under load");
        await using (var web = await WebProcess.StartAsync(webDll, webFolder, database))
        {
            using var client = new HttpClient { BaseAddress = web.Address, Timeout = TimeSpan.FromMinutes(5) };
            var warm = await web.WarmedUpAsync(TimeSpan.FromMinutes(10));
            report.Line($"- web app serving, then its background warm-up (unfiltered /, /articles, /map, /control and /compare; the shared-copy map is stored by the ingest) done {warm.TotalSeconds:0.0} s after start");
            summary.Add("web app warm-up after start (s)", database.Name, $"{warm.TotalSeconds:0.0}");
            // /compare is left out here: its first request builds the whole-corpus shared-copy cache (measured in the load below).
            foreach (var path in new[] { "/", "/articles", "/map", "/control", "/api/map.geojson", "/api/claims", "/articles/1", "/export/outlets.csv" })
            {
                await LoadRun.TimeOneAsync(client, path);
            }
            await Task.Delay(TimeSpan.FromSeconds(10));
            report.Line($"- **web process at rest** (started, 8 requests, 10 s idle): VmRSS {web.MemoryMb("VmRSS"):0} MB (peak so far VmHWM {web.MemoryMb("VmHWM"):0} MB)");
            summary.Add("web process at rest, VmRSS (MB)", database.Name, $"{web.MemoryMb("VmRSS"):0}");

            report.Line("");
            report.Line($"load before: {FirstRequestProbe.LoadAverage()}");
            report.Line("| URL | requests | errors | p50 ms | p95 ms | first byte p50 ms | KB per response | first request ms |");
            report.Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            var random = new Random(7);
            foreach (var path in Urls.All(size, random)
                .Where(p => options.Only is null || p == options.Only || p.StartsWith(options.Only + "?", StringComparison.Ordinal))
                .Where(p => options.Skip is null || !p.Contains(options.Skip, StringComparison.Ordinal)))
            {
                var result = await LoadRun.RunAsync(client, path, options.Workers, options.Requests, TimeSpan.FromSeconds(options.Seconds));
                report.Line(result.Row);
            }
            report.Line("");
            report.Line($"- web process after the load: VmRSS {web.MemoryMb("VmRSS"):0} MB, VmHWM {web.MemoryMb("VmHWM"):0} MB; load after: {FirstRequestProbe.LoadAverage()}");
        }
    }

    if ((options.FirstRequests is null || args.Contains("--export")) && !options.NoExport)
    {
        foreach (var database in databases)
        {
            // Web process 2 (fresh): the whole mentions export, streamed, with the peak memory of the process.
            await using var web = await WebProcess.StartAsync(webDll, webFolder, database);
            using var client = new HttpClient { BaseAddress = web.Address, Timeout = TimeSpan.FromMinutes(30) };
            await web.WarmedUpAsync(TimeSpan.FromMinutes(10)); // the export is measured on an app at rest, not beside its warm-up
            await LoadRun.TimeOneAsync(client, "/");
            var warmUpPeak = web.MemoryMb("VmHWM");
            web.ResetPeakMemory();
            var before = web.MemoryMb("VmHWM");
            var load = FirstRequestProbe.LoadAverage();
            clock.Restart();
            using var response = await client.GetAsync("/export/mentions.csv", HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            long bytes = 0, lines = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                bytes += read;
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }
            var seconds = clock.Elapsed.TotalSeconds;
            report.Line($"- **{database.Name}: /export/mentions.csv**: HTTP {(int)response.StatusCode}, {lines - 1:N0} rows, {bytes / 1e6:0.0} MB in {seconds:0.0} s = " +
                        $"**{bytes / 1e6 / seconds:0.0} MB/s**; web process peak memory during the export VmHWM **{web.MemoryMb("VmHWM"):0} MB** (resident before it: {before:0} MB; peak during the start-up warm-up: {warmUpPeak:0} MB); load before {load}, after {FirstRequestProbe.LoadAverage()}");
            summary.Add("/export/mentions.csv (MB/s)", database.Name, $"{bytes / 1e6 / seconds:0.0}");
            summary.Add("web peak memory during the export, VmHWM (MB)", database.Name, $"{web.MemoryMb("VmHWM"):0}");
        }
    }
    summary.Write(report.Line, size);
}
report.Line("");
report.Line($"Benchmark command took {total.Elapsed.TotalMinutes:0.0} min.");
Console.WriteLine($"(written to {report.Path})");

// The same reading, sentence splitting and extraction as the ingest, without storing: how much of the ingest is the database.
static Task<double> ExtractOnlyAsync(string folder, ReferenceFiles reference)
{
    var extractor = new AleppoDashboard.Ingest.Extraction.FactExtractor(reference.ReadGazetteer(), reference.ReadLexicon(), reference.ReadSources(), reference.ReadCues());
    var reader = new AleppoDashboard.Ingest.Files.ArticleFileReader();
    var files = Directory.GetFiles(folder, "*.txt");
    var clock = Stopwatch.StartNew();
    foreach (var file in files)
    {
        var text = reader.Read(file);
        var article = new AleppoDashboard.Data.Articles.Article { Headline = text.Headline, Body = text.Body, SourceFile = file, ContentHash = text.ContentHash };
        article.Sentences = ArticleBuilder.SentencesOf(article);
        extractor.Extract(article);
    }
    return Task.FromResult(files.Length / clock.Elapsed.TotalSeconds);
}

static double FolderMb(string folder) => new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length) / 1024.0 / 1024.0;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "AleppoDashboard.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("AleppoDashboard.sln not found above " + AppContext.BaseDirectory);
}

sealed record Options(int[] Sizes, int Workers, int Requests, int Seconds, string Work, bool ReuseDb, bool IngestOnly, string? Only, string? Skip, int? FirstRequests, bool NoFacets,
    DatabaseProvider[] Providers, string? Postgres, bool NoExport)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new(
            (Value("--articles") ?? "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(),
            int.Parse(Value("--workers") ?? "4", CultureInfo.InvariantCulture),
            int.Parse(Value("--requests") ?? "40", CultureInfo.InvariantCulture),
            int.Parse(Value("--seconds") ?? "20", CultureInfo.InvariantCulture),
            Value("--work") ?? Path.Combine(Path.GetTempPath(), "aleppo-corpus-benchmark"),
            args.Contains("--reuse-db"),
            args.Contains("--ingest-only"),
            Value("--only"),
            Value("--skip"),
            Value("--first-requests") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : null,
            args.Contains("--no-facets"),
            (Value("--provider") ?? "sqlite").Split(',').Select(p => p.Trim().ToLowerInvariant() switch
            {
                "sqlite" => DatabaseProvider.Sqlite,
                "postgres" or "postgresql" => DatabaseProvider.Postgres,
                _ => throw new ArgumentException("--provider takes sqlite, postgres or both (sqlite,postgres)."),
            }).Distinct().ToArray(),
            Value("--postgres"),
            args.Contains("--no-export"));
    }
}

sealed class Report(string path)
{
    public string Path { get; } = path;

    public void Line(string text)
    {
        Console.WriteLine(text);
        File.AppendAllText(Path, text + Environment.NewLine);
    }
}
