using System.Diagnostics;
using System.Text.Json;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Ingest.Tests.Robustness;

/// <summary>
/// Issue 21's "the caches must notice a change made by another process": the web app (this test process, on Kestrel)
/// and the real ingest program (a child process, as a worker on another host would be) share one PostgreSQL database.
/// With every cache warm (the page output cache, the in-memory facets, the search matches, the map and control views),
/// the ingest commits one article; the web app's very next requests show it everywhere, with no restart and no wait:
/// each cache compares its entry with the content version row that the ingest raised in its own transaction.
/// </summary>
public sealed class CrossProcessCacheTests : IAsyncLifetime
{
    PostgresTestDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresTestServer.CreateDatabaseAsync();

    [Fact]
    public async Task An_article_the_ingest_program_commits_shows_on_the_next_request_of_every_cached_view()
    {
        await using var app = new DashboardAppFactory(postgres: database.ConnectionString);
        using var web = app.CreateRealClient();
        // Warm every cache, twice (the second request of a page is served from the output cache).
        string[] views = ["/", "/articles", "/map", "/control", "/compare", "/articles?q=zebra", "/map?q=zebra", "/control?q=zebra"];
        for (var round = 0; round < 2; round++)
        {
            foreach (var view in views) Assert.Equal(200, (int)(await web.GetAsync(view)).StatusCode);
        }
        var articlesBefore = Lines(await web.GetStringAsync("/export/articles.csv"));
        var sakhourBefore = Mentions(await web.GetStringAsync("/api/map.geojson"), "sakhour");
        Assert.Equal(0, Features(await web.GetStringAsync("/api/map.geojson?q=zebra")));
        Assert.Equal(1, Lines(await web.GetStringAsync("/export/control.csv?q=zebra"))); // the header only
        Assert.DoesNotContain("Zebra crossing", await web.GetStringAsync("/articles"));

        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("zebra.txt"),
            "Zebra crossing reopened in Sakhour\n\nGovernment forces now control 93 percent of east Aleppo, a military source said. " +
            "A zebra crossing in Sakhour reopened on Thursday, residents said.\n");
        var (code, output) = await RunIngestAsync(folder.Path);
        Assert.True(code == 0, $"the ingest program exited with {code}:\n{output}");

        Assert.Equal(articlesBefore + 1, Lines(await web.GetStringAsync("/export/articles.csv")));
        Assert.Contains("Zebra crossing reopened in Sakhour", await web.GetStringAsync("/articles"));
        Assert.Contains("Zebra crossing reopened in Sakhour", await web.GetStringAsync("/articles?q=zebra"));
        Assert.Contains("Zebra crossing reopened in Sakhour", await web.GetStringAsync("/"));
        Assert.True(Mentions(await web.GetStringAsync("/api/map.geojson"), "sakhour") > sakhourBefore);
        Assert.True(Mentions(await web.GetStringAsync("/api/map.geojson?q=zebra"), "sakhour") > 0);
        Assert.Contains("Sakhour", await web.GetStringAsync("/map?q=zebra"));
        Assert.Equal(2, Lines(await web.GetStringAsync("/export/control.csv?q=zebra")));
        Assert.Contains("93", await web.GetStringAsync("/control?q=zebra"));
    }

    /// <summary>The ingest program on its own, configured as the compose file's ingest worker is: by the environment.</summary>
    async Task<(int Code, string Output)> RunIngestAsync(string folder)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { IngestProcess.DllPath, "ingest", folder, "--reference", RepoPaths.Reference })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Database__Provider"] = "postgres";
        start.Environment["Database__ConnectionString"] = database.ConnectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    static int Lines(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    static int Features(string geoJson) => JsonDocument.Parse(geoJson).RootElement.GetProperty("features").GetArrayLength();

    static int Mentions(string geoJson, string place) => JsonDocument.Parse(geoJson).RootElement.GetProperty("features").EnumerateArray()
        .Where(f => f.GetProperty("properties").GetProperty("place_id").GetString() == place)
        .Select(f => f.GetProperty("properties").GetProperty("mentions").GetInt32())
        .SingleOrDefault();

    public async Task DisposeAsync() => await database.DisposeAsync();
}
