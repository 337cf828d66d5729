using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.Ingest.Text;
using AleppoDashboard.TestSupport;
using AngleSharp.Html.Parser;
using Microsoft.Data.Sqlite;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// The web app keeps serving while a large ingest writes to the same SQLite file: a bounded load of concurrent
/// page, API and export requests gets no server error, and an article page always shows one whole version of
/// its article (never an article without some of its sentences, never an old headline over new sentences).
/// </summary>
public class ConcurrentIngestTests(Xunit.Abstractions.ITestOutputHelper output)
{
    const int Initial = 250, Added = 350, Workers = 3, MaxRequests = 1000, MaxRevisions = 8;
    static readonly TimeSpan MaxLoadTime = TimeSpan.FromSeconds(40);

    static readonly string[] Paths =
    [
        "/", "/articles", "/articles?q=Hanano", "/articles?from=2016-10-01&to=2016-11-30", "/map", "/control", "/compare",
        "/export/articles.csv", "/export/outlets.csv", "/export/mentions.csv", "/export/claims.csv", "/export/map.csv",
        "/export/control.csv", "/export/compare.csv", "/api/map.geojson", "/api/claims",
    ];

    [Fact]
    public async Task PagesAndExportsServeWholeArticlesWhileALargeIngestRuns()
    {
        using var folder = new TempFolder();
        var sentenceCounts = new Dictionary<string, int>(StringComparer.Ordinal); // headline → sentences, of every version written
        Remember(folder.Path, GeneratedArticles.Write(folder.Path, Initial, "a"), sentenceCounts);
        using var app = new DashboardAppFactory(folder.Path);
        using var client = app.CreateRealClient(); // starts the app, which loads the first articles
        client.Timeout = TimeSpan.FromSeconds(40);

        // A revision of every loaded article (same files, new text) and many new articles, loaded while the app serves.
        Remember(folder.Path, GeneratedArticles.Write(folder.Path, Initial, "a", revision: 1), sentenceCounts);
        Remember(folder.Path, GeneratedArticles.Write(folder.Path, Added, "b"), sentenceCounts);
        var corpus = await Corpus.OpenAsync(DataServiceExtensions.CreateFactory(app.DatabasePath), new ReferenceFiles(ReferenceFiles.DefaultFolder),
            ArticleFileReader.DefaultMaxBytes, TimeProvider.System);
        var failures = new ConcurrentBag<string>();
        var timings = new ConcurrentBag<(string Path, double Ms)>();
        var articlePages = new ConcurrentBag<(string Path, string Html)>();
        var sent = 0;
        var duringIngest = 0;
        var clock = Stopwatch.StartNew();
        // Ingest, then revise every first article again and ingest again, until the load has had time to visit
        // every page during writes: how long one ingest takes depends on the machine, and must not decide the test.
        var ingest = Task.Run(async () =>
        {
            var first = await corpus.Ingestor.IngestFolderAsync(folder.Path);
            for (var revision = 2; revision <= MaxRevisions && Volatile.Read(ref duringIngest) < 2 * Paths.Length && clock.Elapsed < MaxLoadTime / 2; revision++)
            {
                lock (sentenceCounts) Remember(folder.Path, GeneratedArticles.Write(folder.Path, Initial, "a", revision: revision), sentenceCounts);
                await corpus.Ingestor.IngestFolderAsync(folder.Path);
            }
            return first;
        });
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (!ingest.IsCompleted && clock.Elapsed < MaxLoadTime && Interlocked.Increment(ref sent) <= MaxRequests)
            {
                // Half the requests read an article (mostly one being revised: its files load first), half every other page.
                var path = random.Next(6) switch
                {
                    0 or 1 => $"/articles/{random.Next(1, Initial + 1)}",
                    2 => $"/articles/{random.Next(Initial + 1, Initial + Added + 1)}",
                    _ => Paths[random.Next(Paths.Length)],
                };
                var started = clock.Elapsed;
                try
                {
                    using var response = await client.GetAsync(path);
                    var body = await response.Content.ReadAsStringAsync(); // an export cut short mid-stream throws here
                    if ((int)response.StatusCode >= 500) failures.Add($"{path}: {(int)response.StatusCode}");
                    else if (path.StartsWith("/articles/", StringComparison.Ordinal) && response.IsSuccessStatusCode) articlePages.Add((path, body));
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                {
                    failures.Add($"{path}: {e.GetType().Name} {e.Message}");
                }
                timings.Add((path, (clock.Elapsed - started).TotalMilliseconds));
                if (!ingest.IsCompleted) Interlocked.Increment(ref duringIngest);
            }
        })));

        var report = await ingest;
        output.WriteLine($"{Math.Min(sent, MaxRequests)} requests ({duringIngest} during the ingest, {articlePages.Count} article pages) in {clock.Elapsed.TotalSeconds:0.0} s: {report.Summary}");
        output.WriteLine("slowest: " + string.Join(", ", timings.OrderByDescending(t => t.Ms).Take(8).Select(t => $"{t.Path} {t.Ms:0} ms")));
        Assert.Empty(failures);
        Assert.Equal(Added, report.Count(FileStatus.Added));
        Assert.Equal(Initial, report.Count(FileStatus.Updated));
        Assert.True(duringIngest >= Paths.Length, $"only {duringIngest} requests ran during the ingest");
        Assert.NotEmpty(articlePages);
        var parser = new HtmlParser();
        foreach (var (path, html) in articlePages)
        {
            var page = parser.ParseDocument(html);
            var headline = page.QuerySelector("h1#s0")?.TextContent.Trim();
            Assert.True(headline is not null && sentenceCounts.ContainsKey(headline), $"{path} shows an unknown headline '{headline}'");
            var shown = page.QuerySelectorAll("#s0, .article-body .sentence").Length;
            Assert.True(sentenceCounts[headline] == shown, $"{path} ('{headline}') shows {shown} sentences, not {sentenceCounts[headline]}");
            // The facts shown are those of the same version: the legend counts them, the text marks them.
            var counted = page.QuerySelectorAll(".fact-legend .fact-chip-count").Sum(s => int.Parse(s.TextContent.Trim(), CultureInfo.InvariantCulture));
            var marked = page.QuerySelectorAll("h1#s0 .fact, .article-body .fact").Length;
            Assert.True(marked <= counted && (counted == 0) == (marked == 0), $"{path} ('{headline}') counts {counted} facts but marks {marked}");
        }
    }

    [Fact]
    public void TheDatabaseIsInWalModeWithABusyTimeout()
    {
        using var app = new DashboardAppFactory();
        _ = app.ServerAddress; // starts the app, which creates the database

        using var connection = new SqliteConnection(DataServiceExtensions.ConnectionStringFor(app.DatabasePath));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", command.ExecuteScalar());
        Assert.Equal(30, new SqliteConnectionStringBuilder(DataServiceExtensions.ConnectionStringFor(app.DatabasePath)).DefaultTimeout);
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Records the sentence count of each file's article under its headline, as the ingest will split it.</summary>
    static void Remember(string folder, IEnumerable<string> files, Dictionary<string, int> counts)
    {
        foreach (var file in files)
        {
            var text = ArticleFileReader.Parse(File.ReadAllBytes(Path.Combine(folder, file)));
            counts[text.Headline] = 1 + SentenceSplitter.Split(text.Body).Count;
        }
    }
}
