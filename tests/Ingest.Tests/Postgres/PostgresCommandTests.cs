using AleppoDashboard.Data;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Ingest.Tests.Robustness;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AleppoDashboard.Ingest.Tests.Postgres;

/// <summary>
/// The long-running commands of the ingest program on a real PostgreSQL server (tests/postgres/test-server.sh), run as
/// the program itself with <c>--provider postgres</c>: <c>watch</c> loads a file that appears in its folder and stops
/// cleanly on SIGTERM (as <c>docker stop</c> sends it); <c>reextract</c> picks up edited reference files, as on SQLite
/// (<see cref="Extraction.ReextractionTests"/>).
/// </summary>
public sealed class PostgresCommandTests : IAsyncLifetime
{
    PostgresTestDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresTestServer.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task WatchLoadsAFileThatAppearsAndStopsOnSigterm()
    {
        using var folder = new TempFolder();
        using var watch = IngestProcess.StartOnPostgres(database.ConnectionString,
            "watch", folder.Path, "--interval", "0.2", "--settle", "0.5", "--reference", RepoPaths.Reference);
        var output = watch.StandardOutput.ReadToEndAsync();
        var errors = watch.StandardError.ReadToEndAsync();
        try
        {
            await File.WriteAllTextAsync(folder.File("sukkari.txt"), "Army enters Sukkari\n\nGovernment forces entered the Sukkari district, a military source said.\n");
            var stored = false;
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (!stored && !watch.HasExited && !limit.IsCancellationRequested)
            {
                await Task.Delay(200);
                stored = await StoredAsync(a => a.SourceFile == "sukkari.txt" && a.Sentences.Count == 2);
            }
            Assert.True(stored, $"the watcher did not store the new file with its sentences: {(watch.HasExited ? await output + await errors : "still running")}");
            await using (var db = await Databases().CreateDbContextAsync())
            {
                Assert.Contains(await db.PlaceMentions.Select(m => m.PlaceId).ToListAsync(), id => id == "sukkari");
            }
        }
        finally
        {
            if (!watch.HasExited) Signal(watch, "TERM");
        }
        using var stopping = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await watch.WaitForExitAsync(stopping.Token);
        Assert.True(watch.ExitCode == 0, $"exit code {watch.ExitCode}: {await errors}");
        Assert.StartsWith("watching ", await output); // (the file's report line follows the shared-copy detection, which SIGTERM may cut short)
        Assert.Equal("", (await errors).Trim());
    }

    [Fact]
    public async Task ReextractPicksUpAnAliasAndATermAddedToTheReferenceFiles()
    {
        using var reference = new TempFolder().CopyFrom(RepoPaths.Reference);
        var loaded = await IngestProcess.RunOnPostgresAsync(database.ConnectionString, "ingest", RepoPaths.Seeds, "--reference", reference.Path);
        Assert.True(loaded.Exit == 0, loaded.Errors);
        Assert.Equal((0, 0, 7), await CountsAsync());

        var gazetteer = reference.File("aleppo-neighbourhoods.csv");
        var rows = await File.ReadAllTextAsync(gazetteer);
        Assert.Contains("hamdaniya,Hamdaniya,al-Hamdaniya|", rows);
        await File.WriteAllTextAsync(gazetteer, rows.Replace("hamdaniya,Hamdaniya,al-Hamdaniya|", "hamdaniya,Hamdaniya,Dar al-Islam cemetery|al-Hamdaniya|"));
        await File.AppendAllTextAsync(reference.File("framing-lexicon.csv"), "squeezed,squeezed,capture,How taking ground is described,squeezed|squeezing\n");

        var reextracted = await IngestProcess.RunOnPostgresAsync(database.ConnectionString, "reextract", "--reference", reference.Path);
        Assert.True(reextracted.Exit == 0, reextracted.Errors);
        Assert.Contains("re-extracted 5 articles", reextracted.Output);
        Assert.Equal((1, 2, 7), await CountsAsync());
        // The same articles, rebuilt in place: five, with their sentences, and the search column follows the new rows.
        await using var db = await Databases().CreateDbContextAsync();
        Assert.Equal(5, await db.Articles.CountAsync());
        Assert.True(await db.Sentences.AnyAsync(), "the re-extraction left no sentences");
    }

    IDbContextFactory<DashboardDb> Databases() => DataServiceExtensions.CreateFactory(DatabaseTarget.Postgres(database.ConnectionString));

    async Task<bool> StoredAsync(System.Linq.Expressions.Expression<Func<Data.Articles.Article, bool>> article)
    {
        try
        {
            await using var db = await Databases().CreateDbContextAsync();
            return await db.Articles.AnyAsync(article);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return false; // the watcher has not created the schema yet
        }
    }

    async Task<(int Cemetery, int Squeezed, int Claims)> CountsAsync()
    {
        await using var db = await Databases().CreateDbContextAsync();
        return (await db.PlaceMentions.CountAsync(m => m.PlaceId == "hamdaniya" && m.MatchedText == "Dar al-Islam cemetery"),
            await db.FramingTermHits.CountAsync(h => h.TermId == "squeezed"),
            await db.ControlClaims.CountAsync());
    }

    static void Signal(System.Diagnostics.Process process, string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
