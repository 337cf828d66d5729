using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.Ingest.Tests.Loading;

namespace AleppoDashboard.Ingest.Tests.Robustness;

/// <summary>The hostile corpus written to a folder and ingested once (with the program's default size limit), shared by the tests that read the outcome.</summary>
public sealed class HostileCorpusFixture : IAsyncLifetime
{
    public IngestHarness Harness { get; } = new();
    public IngestReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        HostileCorpus.WriteTo(Harness.Articles);
        Report = await Harness.IngestAsync(ArticleFileReader.DefaultMaxBytes);
    }

    public Task DisposeAsync()
    {
        Harness.Dispose();
        return Task.CompletedTask;
    }
}
