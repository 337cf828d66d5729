using System.Text;
using AleppoDashboard.Data;
using AleppoDashboard.Ingest.Cli;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Faults.Tests;

/// <summary>
/// `watch` sees files while they are written: a large file copied slowly, and an editor's save (a temporary file
/// written, then renamed over the article). It never stores a truncated article or a temporary file, and it stores
/// the complete article once, when it is complete. The writer here pauses far less than the settle time between its
/// pieces (a tenth); the guarantee is exactly that: a file is read once unchanged for the settle time.
/// </summary>
public class HalfWrittenInputTests
{
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    // Far longer than the writer's pause: the suite runs other assemblies at once, and a writer stalled past the settle
    // time has, by the guarantee, finished its file. At 2 s one run on a fresh clone stored a third of the file.
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(6);
    static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task ALargeFileCopiedSlowlyIsStoredOnceWholeAndNeverTruncated()
    {
        using var root = new TempFolder();
        var folder = root.File("watched");
        Directory.CreateDirectory(folder);
        var text = LongArticle("Slow copy");
        await using var watching = await Watch.StartAsync(root.File("watch.db"), folder);

        var bytes = Encoding.UTF8.GetBytes(text);
        await using (var file = new FileStream(Path.Combine(folder, "big.txt"), FileMode.CreateNew, FileAccess.Write, FileShare.Read))
        {
            foreach (var piece in bytes.Chunk(bytes.Length / 12 + 1))
            {
                await file.WriteAsync(piece);
                await file.FlushAsync();
                await watching.AssertNoTruncatedArticleAsync(text);
                await Task.Delay(Pause);
            }
        }

        var stored = await watching.WaitForArticleAsync("big.txt");
        Assert.Equal(Whole(text), stored);
        await Task.Delay(Settle * 2); // a later poll must not load it again
        Assert.Equal(1, watching.Reports("big.txt"));
    }

    [Fact]
    public async Task AnEditorsTemporaryFilesAreNeverReadAndTheRenamedArticleIsStoredWhole()
    {
        using var root = new TempFolder();
        var folder = root.File("watched");
        Directory.CreateDirectory(folder);
        var text = LongArticle("Editor save");
        await using var watching = await Watch.StartAsync(root.File("watch.db"), folder);

        // Vim: a swap file and a backup; Emacs: a lock link's name and an auto-save; a download's .part; a hidden copy.
        foreach (var name in new[] { ".article.txt.swp", "article.txt~", ".#article.txt", "#article.txt#", "article.txt.part", ".article.txt" })
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), text[..(text.Length / 3)]);
        }
        var temporary = Path.Combine(folder, "article.txt.tmp");
        var bytes = Encoding.UTF8.GetBytes(text);
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            foreach (var piece in bytes.Chunk(bytes.Length / 6 + 1))
            {
                await file.WriteAsync(piece);
                await file.FlushAsync();
                await Task.Delay(Pause);
            }
        }
        File.Move(temporary, Path.Combine(folder, "article.txt"));

        Assert.Equal(Whole(text), await watching.WaitForArticleAsync("article.txt"));
        await Task.Delay(Settle * 2);
        await using var db = watching.Db();
        Assert.Equal(["article.txt"], await db.Articles.Select(a => a.SourceFile).ToListAsync());
        Assert.Equal(1, watching.Reports("article.txt"));
    }

    [Theory]
    [InlineData(".x.txt", true)]
    [InlineData(".#x.txt", true)]
    [InlineData("#x.txt#", true)]
    [InlineData("x.txt~", true)]
    [InlineData("x.txt.swp", true)]
    [InlineData("x.txt.tmp", true)]
    [InlineData("x.txt.part", true)]
    [InlineData("x.html.crdownload", true)]
    [InlineData("x.txt", false)]
    [InlineData("x.tmp.txt", false)]
    [InlineData("report#2.txt", false)]
    public void TemporaryNamesAreKnown(string name, bool temporary) => Assert.Equal(temporary, TemporaryFileNames.IsTemporary(name));

    /// <summary>An article of about 150 KB: many paragraphs naming places, as GeneratedArticles writes them.</summary>
    static string LongArticle(string title)
    {
        var text = new StringBuilder($"{title}: government forces press on in east Aleppo\n\n");
        for (var i = 0; i < 600; i++)
        {
            text.Append($"Government forces took control of Hanano after heavy clashes on day {i}, a military source said. Rebels said they still held Sakhour.\n\n");
        }
        return text.ToString();
    }

    /// <summary>The body as stored: the text after the headline, trimmed.</summary>
    static string Whole(string text) => ArticleFileReader.Parse(Encoding.UTF8.GetBytes(text)).Body;

    /// <summary>A FolderWatcher running on its own database and folder, and its report lines.</summary>
    sealed class Watch : IAsyncDisposable
    {
        readonly CancellationTokenSource stop = new();
        readonly StringWriter output = new();
        readonly IDbContextFactory<DashboardDb> databases;
        Task running = Task.CompletedTask;

        Watch(IDbContextFactory<DashboardDb> databases) => this.databases = databases;

        public static async Task<Watch> StartAsync(string database, string folder)
        {
            var factory = DataServiceExtensions.CreateFactory(database);
            var corpus = await Corpus.OpenAsync(factory, TestDatabases.Reference, 8 * 1024 * 1024, TimeProvider.System);
            var watch = new Watch(factory);
            watch.running = new FolderWatcher(corpus, TextWriter.Synchronized(watch.output), TextWriter.Null).RunAsync(folder, Interval, watch.stop.Token, Settle);
            return watch;
        }

        public DashboardDb Db() => databases.CreateDbContext();

        /// <summary>How many times the watcher reported loading <paramref name="file"/> (added or updated).</summary>
        public int Reports(string file) => output.ToString().Split('\n').Count(l =>
            (l.StartsWith("added", StringComparison.Ordinal) || l.StartsWith("updated", StringComparison.Ordinal))
            && l.Split(": ", 2)[0].TrimEnd().EndsWith(" " + file, StringComparison.Ordinal));

        public async Task AssertNoTruncatedArticleAsync(string text)
        {
            await using var db = Db();
            foreach (var body in await db.Articles.Select(a => a.Body).ToListAsync())
            {
                Assert.True(body == Whole(text), $"a truncated article was stored ({body.Length} of {Whole(text).Length} characters)");
            }
        }

        public async Task<string> WaitForArticleAsync(string file)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (true)
            {
                await using (var db = Db())
                {
                    if (await db.Articles.Where(a => a.SourceFile == file).Select(a => a.Body).FirstOrDefaultAsync() is { } body) return body;
                }
                if (running.IsFaulted) await running;
                await Task.Delay(100, limit.Token);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            try { await running; } catch (OperationCanceledException) { }
            stop.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
