using System.Collections.Concurrent;
using System.Diagnostics;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Text;
using AleppoDashboard.Integration.Tests;
using AleppoDashboard.TestSupport;
using AngleSharp.Html.Parser;

namespace AleppoDashboard.Faults.Tests.Postgres;

/// <summary>
/// A team's deployment on one PostgreSQL database: two web app processes (the built src/Web on Kestrel, as two
/// instances behind a load balancer) and the ingest command as a third process, which revises every stored article and
/// adds new ones while readers load every page, API and export of both web processes. No response is a server error;
/// every article page shows one whole version of its article (a known headline with exactly that version's sentences);
/// every row of the article export is a version that was written. Once the ingest has exited, both web processes show
/// the new and revised articles within a bound (their caches notice the other process's commits): the article export,
/// a search, the overview and the articles' pages.
/// </summary>
public class SharedDatabaseProcessesTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    const int Initial = 100, Added = 200, Readers = 4, MaxRevisions = 6, MaxRequests = 2000;
    static readonly TimeSpan MaxLoadTime = TimeSpan.FromSeconds(60), VisibleWithin = TimeSpan.FromSeconds(30);

    static readonly string[] Paths =
    [
        "/", "/articles", "/articles?q=Hanano", "/articles?from=2016-10-01&to=2016-11-30", "/articles?page=2", "/map", "/control",
        "/compare", "/compare?q=rebels", "/export/articles.csv", "/export/outlets.csv", "/export/mentions.csv", "/export/claims.csv",
        "/export/map.csv", "/export/control.csv", "/export/compare.csv", "/api/map.geojson", "/api/claims", "/api/map/sectors.geojson",
    ];

    PostgresTestDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresTestServer.CreateDatabaseAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task BothWebProcessesServeWholeArticlesDuringAnIngestAndShowItsArticlesSoonAfter()
    {
        using var root = new TempFolder();
        var folder = root.File("articles");
        var sentences = new ConcurrentDictionary<string, int>(StringComparer.Ordinal); // headline → sentences, of every version written
        Remember(folder, GeneratedArticles.Write(folder, Initial, "a"), sentences);
        var environment = new Dictionary<string, string> { ["Database__ConnectionString"] = database.ConnectionString };
        string[] ingest = [ChildProcess.IngestDll, "ingest", folder, "--provider", "postgres", "--reference", RepoPaths.Reference];
        var first = await ChildProcess.RunAsync(TimeSpan.FromMinutes(5), RepoPaths.Root, environment, ingest);
        Assert.True(first.Exit == 0, first.Errors);

        var startA = PostgresWebProcess.StartAsync(database.ConnectionString);
        var startB = PostgresWebProcess.StartAsync(database.ConnectionString);
        await using var a = await startA;
        await using var b = await startB;
        PostgresWebProcess[] webs = [a, b];
        foreach (var web in webs)
        {
            // Every view computed and cached before the other process writes.
            Assert.Equal(Initial, Csv.Parse(await web.Client.GetStringAsync("/export/articles.csv")).Rows.Count);
            foreach (var path in Paths) (await web.Client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        // A revision of every stored article (same files, new text: another headline, one more paragraph) and new articles.
        Remember(folder, GeneratedArticles.Write(folder, Initial, "a", revision: 1), sentences);
        Remember(folder, GeneratedArticles.Write(folder, Added, "b"), sentences);
        var failures = new ConcurrentBag<string>();
        var articlePages = new ConcurrentBag<(string Web, string Path, string Html)>();
        var exportedHeadlines = new ConcurrentBag<string>();
        var sent = 0;
        var duringIngest = 0;
        var runs = 0;
        var lastRevision = 1;
        var clock = Stopwatch.StartNew();
        // Ingest processes one after another (revising the first articles again each time) until the readers have
        // visited every path during writes: how long one run takes depends on the machine and must not decide the test.
        var ingesting = Task.Run(async () =>
        {
            for (var revision = 1; ; revision++)
            {
                if (revision > 1)
                {
                    Remember(folder, GeneratedArticles.Write(folder, Initial, "a", revision: revision), sentences);
                }
                var run = await ChildProcess.RunAsync(TimeSpan.FromMinutes(5), RepoPaths.Root, environment, ingest);
                Interlocked.Increment(ref runs);
                if (run.Exit != 0) failures.Add($"ingest run {revision} exited with {run.Exit}: {run.Errors}");
                lastRevision = revision;
                if (revision >= MaxRevisions || Volatile.Read(ref duringIngest) >= 3 * Paths.Length || clock.Elapsed > MaxLoadTime) return;
            }
        });
        await Task.WhenAll(Enumerable.Range(0, Readers).Select(reader => Task.Run(async () =>
        {
            var random = new Random(reader);
            while (!ingesting.IsCompleted && Interlocked.Increment(ref sent) <= MaxRequests)
            {
                var web = webs[random.Next(webs.Length)];
                var name = web == a ? "A" : "B";
                // Half the requests read an article (one being revised or one being added), half every other path.
                var path = random.Next(4) switch
                {
                    0 => $"/articles/{random.Next(1, Initial + 1)}",
                    1 => $"/articles/{random.Next(Initial + 1, Initial + Added + 1)}",
                    _ => Paths[random.Next(Paths.Length)],
                };
                try
                {
                    using var response = await web.Client.GetAsync(path);
                    var body = await response.Content.ReadAsStringAsync(); // an export cut short mid-stream throws here
                    if ((int)response.StatusCode >= 500) failures.Add($"{name} {path}: {(int)response.StatusCode}");
                    else if (path.StartsWith("/articles/", StringComparison.Ordinal) && response.IsSuccessStatusCode) articlePages.Add((name, path, body));
                    else if (path == "/export/articles.csv") foreach (var row in Csv.Parse(body).Rows) exportedHeadlines.Add(row["headline"]);
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                {
                    failures.Add($"{name} {path}: {e.GetType().Name} {e.Message}");
                }
                if (!ingesting.IsCompleted) Interlocked.Increment(ref duringIngest);
            }
        })));
        await ingesting;
        var ingestEnded = clock.Elapsed;
        output.WriteLine($"{Math.Min(sent, MaxRequests)} requests ({duringIngest} during {runs} ingest runs, {articlePages.Count} article pages) in {ingestEnded.TotalSeconds:0.0} s");

        Assert.Empty(failures);
        Assert.True(duringIngest >= Paths.Length, $"only {duringIngest} requests ran during the ingest");
        Assert.NotEmpty(articlePages);
        var parser = new HtmlParser();
        foreach (var (web, path, html) in articlePages)
        {
            var page = parser.ParseDocument(html);
            var headline = page.QuerySelector("h1#s0")?.TextContent.Trim();
            Assert.True(headline is not null && sentences.ContainsKey(headline), $"{web} {path} shows an unknown headline '{headline}'");
            var shown = page.QuerySelectorAll("#s0, .article-body .sentence").Length;
            Assert.True(sentences[headline] == shown, $"{web} {path} ('{headline}') shows {shown} sentences, not {sentences[headline]}");
        }
        foreach (var headline in exportedHeadlines) Assert.True(sentences.ContainsKey(headline), $"the article export listed an unknown headline '{headline}'");

        // Both web processes show what the last run committed, within the bound.
        var latest = Enumerable.Range(1, Initial).Select(i => $"(a report {i}, revision {lastRevision})")
            .Concat(Enumerable.Range(1, Added).Select(i => $"(b report {i})")).ToList();
        foreach (var web in webs)
        {
            var name = web == a ? "A" : "B";
            string? missing = "not checked";
            while (clock.Elapsed - ingestEnded < VisibleWithin && (missing = await MissingAsync(web.Client, latest, lastRevision)) is not null)
            {
                await Task.Delay(250);
            }
            Assert.True(missing is null, $"web process {name} did not show the ingest's articles within {VisibleWithin.TotalSeconds} s: {missing}");
            output.WriteLine($"web process {name} showed them {(clock.Elapsed - ingestEnded).TotalSeconds:0.0} s after the last ingest exited");
        }
    }

    /// <summary>What the web process does not show yet of the last run's articles; null when it shows them all.</summary>
    static async Task<string?> MissingAsync(HttpClient client, IReadOnlyList<string> latest, int lastRevision)
    {
        var exported = Csv.Parse(await client.GetStringAsync("/export/articles.csv")).Rows.Select(r => r["headline"]).ToList();
        if (exported.Count != Initial + Added) return $"the article export has {exported.Count} rows, not {Initial + Added}";
        var absent = latest.Where(tag => !exported.Any(h => h.EndsWith(tag, StringComparison.Ordinal))).ToList();
        if (absent.Count > 0) return $"the article export lacks {absent.Count} articles, such as '{absent[0]}'";
        var found = Csv.Parse(await client.GetStringAsync($"/export/articles.csv?q=%22revision+{lastRevision}%22")).Rows.Count;
        if (found != Initial) return $"a search for \"revision {lastRevision}\" finds {found} articles, not {Initial}";
        var overview = await client.GetStringAsync("/");
        if (!overview.Contains((Initial + Added).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            return $"the overview does not count {Initial + Added} articles";
        }
        foreach (var id in new[] { 1, Initial, Initial + Added })
        {
            var page = await client.GetStringAsync($"/articles/{id}");
            if (!latest.Any(tag => page.Contains(tag, StringComparison.Ordinal))) return $"/articles/{id} does not show its latest version";
        }
        return null;
    }

    /// <summary>Records the sentence count of each file's article under its headline, as the ingest will split it.</summary>
    static void Remember(string folder, IEnumerable<string> files, ConcurrentDictionary<string, int> counts)
    {
        foreach (var file in files)
        {
            var text = ArticleFileReader.Parse(File.ReadAllBytes(Path.Combine(folder, file)));
            counts[text.Headline] = 1 + SentenceSplitter.Split(text.Body).Count;
        }
    }
}
