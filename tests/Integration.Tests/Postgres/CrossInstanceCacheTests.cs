using AleppoDashboard.Data;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests.Postgres;

/// <summary>
/// Two web app instances on one PostgreSQL database, their caches warm; a writer with its own connections (as an
/// ingest worker on another host would be) adds an article; both instances show it on their next request, on the
/// cached article list, overview and export alike. (The instances and the writer share this test process, each with its
/// own caches and connection pool; separate processes are not tested yet.)
/// </summary>
public sealed class CrossInstanceCacheTests : IAsyncLifetime
{
    PostgresTestDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresTestServer.CreateDatabaseAsync();

    [Fact]
    public async Task Both_instances_see_an_article_another_writer_committed()
    {
        await using var first = new DashboardAppFactory(postgres: database.ConnectionString);
        using var a = first.CreateRealClient();
        Assert.Equal(5, Csv.Parse(await a.GetStringAsync("/export/articles.csv")).Rows.Count);
        await using var second = new DashboardAppFactory(postgres: database.ConnectionString);
        using var b = second.CreateRealClient();
        foreach (var client in new[] { a, b })
        {
            Assert.Equal(5, Csv.Parse(await client.GetStringAsync("/export/articles.csv")).Rows.Count);
            Assert.DoesNotContain("Zebra crossing reopened", await client.GetStringAsync("/articles"));
            await client.GetStringAsync("/");
        }

        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("new-article.txt"),
            "Zebra crossing reopened in Aleppo\n\nA crossing in Bustan al-Qasr reopened on Thursday, residents said.\n");
        var corpus = await Corpus.OpenAsync(DataServiceExtensions.CreateFactory(DatabaseTarget.Postgres(database.ConnectionString)),
            new ReferenceFiles(ReferenceFiles.DefaultFolder), 8 * 1024 * 1024, TimeProvider.System);
        var report = await corpus.Ingestor.IngestFolderAsync(folder.Path);
        Assert.Contains("1 added", report.Summary);

        foreach (var client in new[] { a, b })
        {
            Assert.Equal(6, Csv.Parse(await client.GetStringAsync("/export/articles.csv")).Rows.Count);
            Assert.Contains("Zebra crossing reopened", await client.GetStringAsync("/articles"));
            Assert.Contains("Zebra crossing reopened", await client.GetStringAsync("/articles?q=zebra"));
        }
    }

    public async Task DisposeAsync() => await database.DisposeAsync();
}
