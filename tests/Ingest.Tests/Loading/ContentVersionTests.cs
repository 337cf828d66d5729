using AleppoDashboard.Data.Reference;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Ingest.Tests.Loading;

/// <summary>Every write of articles or derived rows raises the counter that caches of query results compare.</summary>
public class ContentVersionTests
{
    [Fact]
    public async Task IngestAndReextractionRaiseTheCounterAndAnUnchangedRunDoesNot()
    {
        using var harness = new IngestHarness().WithSeeds();
        var corpus = await harness.OpenAsync();
        long Version() { using var db = harness.Db(); return ContentVersion.ReadAsync(db, default).GetAwaiter().GetResult(); }

        var opened = Version();
        await corpus.Ingestor.IngestFolderAsync(harness.Articles);
        var ingested = Version();
        Assert.True(ingested > opened, $"ingest left the counter at {ingested}");

        await corpus.Ingestor.IngestFolderAsync(harness.Articles);
        Assert.Equal(ingested, Version());

        harness.Write("extra.txt", "Rebels withdrew from Sukkari on Tuesday.\n\nThe fighting went on.");
        await corpus.Ingestor.IngestFolderAsync(harness.Articles);
        var added = Version();
        Assert.True(added > ingested);

        await corpus.ReextractAsync(new ReferenceFiles(RepoPaths.Reference));
        Assert.True(Version() > added);
    }
}
