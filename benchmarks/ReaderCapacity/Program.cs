// Capacity of the interactive parts (issue 19): N concurrent readers, each a page of one headless Chromium with its own
// circuit, on /control and /map (alternately), each moving the time slider (a filter change: from/to) every few
// seconds. Measures, per change, the time from the key press to the updated view (the page patched in place by
// Blazor's enhanced navigation; on /map also the markers drawn again), and the server's resident memory: at rest,
// with the readers connected, and after they leave. A benchmark, not a test: figures go to PERFORMANCE.md.
//
// Two clients: "chromium" (pages of one headless Chromium: the whole path, but the browsers share the 2 cores with
// the server) and "circuit" (CircuitReader: the same messages and requests without a browser, so the figure is the
// server's and the client costs little).
//
// Usage: dotnet run -c Release --project benchmarks/ReaderCapacity -- <database> [readers=50] [seconds=120] [chromium|circuit]
using System.Diagnostics;
using System.Globalization;
using AleppoDashboard.CorpusBenchmark;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

var database = args.Length > 0 ? Path.GetFullPath(args[0]) : throw new ArgumentException("usage: <database> [readers] [seconds]");
var readers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 120;
var client = args.Length > 3 ? args[3] : "chromium";
if (client is not ("chromium" or "circuit")) throw new ArgumentException("the client is chromium or circuit");
var root = FindRoot();
var webFolder = Path.Combine(root, "src", "Web");
var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
var webDll = Path.Combine(webFolder, "bin", configuration, "net10.0", "AleppoDashboard.Web.dll");
string Load() => File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Aggregate((a, b) => a + " " + b);

Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {configuration}, {client} client, {readers} readers for {seconds} s, database {database}; load {Load()}");
// Information logs kept: the warm-up is known to be done from its log line.
await using var web = await WebProcess.StartAsync(webDll, webFolder, BenchDatabase.SqliteFile(database),
    Environment.GetEnvironmentVariable("CAPACITY_DEBUG") == "1" ? ["--Logging:LogLevel:Microsoft.AspNetCore.Components.Server=Debug", "--Logging:LogLevel:Microsoft.AspNetCore.SignalR=Debug"] : []);
Console.WriteLine($"web app warmed up after {(await web.WarmedUpAsync(TimeSpan.FromMinutes(30))).TotalSeconds:F0} s");
using (var http = new HttpClient { BaseAddress = web.Address, Timeout = TimeSpan.FromMinutes(5) })
{
    // Each page once, so its caches are filled before the readers come (what a running server has).
    foreach (var path in Pages.All) (await http.GetAsync(path)).EnsureSuccessStatusCode();
}
await Task.Delay(TimeSpan.FromSeconds(10));
var atRest = web.MemoryMb("VmRSS");
Console.WriteLine($"at rest: {atRest:F0} MB resident; load {Load()}");

if (client == "circuit")
{
    await CircuitRun.RunAsync(web, readers, seconds, atRest, Load, Report);
    return;
}

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    // The client's own cost is kept down (it shares the 2 cores with the server): no images decoded, no extensions or
    // audio, one renderer process for all pages' sites, and small pages (below).
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
        "--blink-settings=imagesEnabled=false", "--disable-extensions", "--mute-audio", "--renderer-process-limit=4"],
});
var pages = new List<(IBrowserContext Context, IPage Page, string Path)>();
var opening = Stopwatch.StartNew();
for (var i = 0; i < readers; i++)
{
    var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1024, Height = 700 }, ReducedMotion = ReducedMotion.Reduce });
    await context.AddInitScriptAsync(Pages.Probe);
    // Images and fonts are not what the figure is about: not fetched (the map has no tiles: the web app runs with Map:TileUrl empty).
    await context.RouteAsync(new Regex(@"\.(png|jpe?g|webp|svg|woff2?|ttf)(\?|$)"), route => route.AbortAsync());
    var page = await context.NewPageAsync();
    page.SetDefaultTimeout(180_000);
    var path = Pages.All[i % Pages.All.Length];
    await page.GotoAsync(new Uri(web.Address, path).ToString());
    pages.Add((context, page, path));
}
foreach (var (_, page, _) in pages)
{
    await page.Locator("[data-time-slider][data-interactive=true] input[type=range]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}
await Task.Delay(TimeSpan.FromSeconds(5));
var connected = web.MemoryMb("VmRSS");
Console.WriteLine($"{readers} readers connected in {opening.Elapsed.TotalSeconds:F0} s: {connected:F0} MB resident, {(connected - atRest) / readers:F1} MB per reader; load {Load()}");

web.ResetPeakMemory();
var (serverCpuBefore, browserCpuBefore) = (ProcessCpu.Seconds(web.Pid), ProcessCpu.BrowserSeconds());
var runClock = Stopwatch.StartNew();
var deadline = DateTime.UtcNow.AddSeconds(seconds);
var samples = await Task.WhenAll(pages.Select((p, i) => ReadAsync(p.Page, p.Path, new Random(i), deadline)));
var all = samples.SelectMany(s => s).ToList();
var peak = web.MemoryMb("VmHWM");
var (serverCpu, browserCpu) = (ProcessCpu.Seconds(web.Pid) - serverCpuBefore, ProcessCpu.BrowserSeconds() - browserCpuBefore);
// Where the two cores went while the readers changed filters: the server's share against the browsers' says whether
// the latency below is the server's or the client's.
Console.WriteLine($"CPU during the run ({runClock.Elapsed.TotalSeconds:F0} s wall, {all.Count} changes): server {serverCpu:F1} s ({1000 * serverCpu / Math.Max(1, all.Count):F0} ms a change), Chromium {browserCpu:F1} s ({1000 * browserCpu / Math.Max(1, all.Count):F0} ms a change)");
Console.WriteLine($"during the run: peak {peak:F0} MB resident; load {Load()}");
Report("key press to page patched", all.Select(s => s.KeyToView));
Report("request to page patched (enhanced navigation: server render + DOM patch)", all.Select(s => s.NavigationToView));
Report("key press to markers drawn again (/map)", all.Where(s => s.KeyToReady is not null).Select(s => s.KeyToReady!.Value));
Console.WriteLine($"failed or timed-out changes: {failures}");

foreach (var (context, page, _) in pages)
{
    // As a reader closing the tab: the page's unload tells the server to end its circuit at once.
    await page.CloseAsync(new() { RunBeforeUnload = true });
    await context.CloseAsync();
}
foreach (var wait in new[] { 30, 90, 200 })
{
    await Task.Delay(TimeSpan.FromSeconds(wait - (wait == 30 ? 0 : wait == 90 ? 30 : 90)));
    Console.WriteLine($"{wait} s after the readers left: {web.MemoryMb("VmRSS"):F0} MB resident (at rest: {atRest:F0} MB); load {Load()}");
}

static void Report(string what, IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    if (sorted.Count == 0)
    {
        Console.WriteLine($"{what}: no sample");
        return;
    }
    double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    Console.WriteLine($"{what}: n={sorted.Count}, p50 {At(0.5):F0} ms, p95 {At(0.95):F0} ms, max {sorted[^1]:F0} ms");
}

async Task<List<Sample>> ReadAsync(IPage page, string path, Random random, DateTime until)
{
    var samples = new List<Sample>();
    var slider = page.Locator("[data-time-slider][data-interactive=true] input[type=range]");
    while (DateTime.UtcNow < until)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(2000 + random.Next(2000)));
        try
        {
            var loads = await page.EvaluateAsync<int>("() => window.__bench.loads");
            await slider.FocusAsync();
            var atEnd = await page.EvaluateAsync<bool>("() => { const s = document.querySelector('[data-time-slider]'); return s.dataset.position === s.dataset.count; }");
            await page.Keyboard.PressAsync(atEnd ? "Home" : "ArrowRight");
            await page.WaitForFunctionAsync(Pages.Updated, loads, new() { PollingInterval = 20, Timeout = 60_000 });
            var t = await page.EvaluateAsync<double[]>("() => [window.__bench.key, window.__bench.navigation, window.__bench.loaded, window.__bench.ready]");
            samples.Add(new Sample(t[2] - t[0], t[2] - t[1], path == "/map" ? t[3] - t[0] : null));
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            Interlocked.Increment(ref failures);
            Console.WriteLine($"a change on {path} failed: {e.Message.Split('\n')[0]}");
        }
    }
    return samples;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "AleppoDashboard.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("Run from inside the repository.");
}

partial class Program
{
    static int failures;
}

sealed record Sample(double KeyToView, double NavigationToView, double? KeyToReady);

static class Pages
{
    public static readonly string[] All = ["/control", "/map"];

    /// <summary>Timestamps in the page: the key press, the start and end of each in-place change, and the map drawn again.</summary>
    public const string Probe = """
        window.__bench = { loads: 0, key: 0, navigation: 0, loaded: 0, ready: 0 };
        document.addEventListener('keydown', () => { window.__bench.key = performance.now(); }, true);
        window.addEventListener('load', () => {
          Blazor.addEventListener('enhancednavigationstart', () => { window.__bench.navigation = performance.now(); });
          Blazor.addEventListener('enhancedload', () => { window.__bench.loaded = performance.now(); window.__bench.loads++; });
        });
        """;

    /// <summary>The page patched since <c>n</c> loads, and on /map the markers drawn again (map.js clears data-ready first).</summary>
    public const string Updated = """
        n => {
          if (window.__bench.loads <= n) return false;
          const map = document.querySelector('[data-map]');
          if (map && map.dataset.ready !== 'true') return false;
          window.__bench.ready = performance.now();
          return true;
        }
        """;
}
