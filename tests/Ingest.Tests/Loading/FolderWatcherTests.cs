using AleppoDashboard.Ingest.Cli;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Loading;

public class FolderWatcherTests
{
    [Fact]
    public async Task LoadsAFileThatAppearsWhileWatchingAndStopsWhenCancelled()
    {
        using var harness = new IngestHarness();
        var corpus = await harness.OpenAsync();
        var output = new StringWriter();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watching = new FolderWatcher(corpus, TextWriter.Synchronized(output), TextWriter.Null)
            .RunAsync(harness.Articles, TimeSpan.FromMilliseconds(100), cancel.Token);

        harness.Write("new.txt", "Army enters Sukkari\n\nGovernment forces entered the Sukkari district, a military source said.");
        var loaded = false;
        // The run reports its files after the shared-copy detection that ends it: wait for the report, then the row.
        while (!loaded && !cancel.IsCancellationRequested)
        {
            await Task.Delay(100);
            if (!output.ToString().Contains("added     new.txt")) continue;
            await using var db = harness.Db();
            loaded = await db.Articles.AnyAsync(a => a.SourceFile == "new.txt");
        }
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);

        Assert.True(loaded, "the watcher did not load and report the new file within 30 s");
    }
}
