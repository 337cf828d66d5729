using System.Security.Cryptography;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Ingest.Cli;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Faults.Tests;

/// <summary>A good database, made once by the real ingest, for the damaged copies to start from.</summary>
public sealed class GoodDatabase : IAsyncLifetime
{
    readonly TempFolder folder = new();

    public string Path => folder.File("good.db");

    public byte[] Bytes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        GeneratedArticles.Write(folder.File("articles"), 12);
        await TestDatabases.IngestAsync(folder.File("articles"), Path);
        Bytes = await File.ReadAllBytesAsync(Path);
    }

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// A damaged or foreign database file given to the ingest program and to the web app: each refuses it with one line
/// that names the file, shows no stack trace, and leaves the file byte for byte as it was. The web app does not start
/// (so it never serves half a page from it).
/// </summary>
public class DamagedDatabaseTests(GoodDatabase good) : IClassFixture<GoodDatabase>
{
    public static TheoryData<string> Damages => ["cut at a page boundary", "cut mid-page", "random bytes", "another application's database", "a newer schema version", "header only"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task TheIngestProgramAndTheWebAppRefuseItWithOneLineAndLeaveItUnchanged(string damage)
    {
        using var root = new TempFolder();
        var path = root.File("dashboard.db");
        await WriteDamagedAsync(damage, path);
        var before = SHA256.HashData(await File.ReadAllBytesAsync(path));
        Directory.CreateDirectory(root.File("articles"));
        GeneratedArticles.Write(root.File("articles"), 2);

        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await IngestProgram.RunAsync(["ingest", root.File("articles"), "--db", path, "--reference", RepoPaths.Reference], output, errors, CancellationToken.None);
        Assert.Equal(IngestProgram.Fatal, exit);
        var reason = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: the database file '" + path + "'", reason);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(path)));

        var (webExit, webOutput, webErrors) = await ChildProcess.RunAsync(TimeSpan.FromMinutes(3), ChildProcess.WebFolder, ChildProcess.WebArguments(path, ChildProcess.FreePort()));
        Assert.NotEqual(0, webExit);
        var all = webOutput + webErrors;
        Assert.DoesNotContain("   at ", all); // no stack trace
        Assert.DoesNotContain("Now listening", all);
        var line = Assert.Single(webErrors.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains(path, StringComparison.Ordinal));
        Assert.StartsWith("error: the database file", line);
        Assert.Contains("did not start", line);
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(path)));
    }

    async Task WriteDamagedAsync(string damage, string path)
    {
        var bytes = good.Bytes;
        const int page = 16384;
        switch (damage)
        {
            case "cut at a page boundary":
                await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / page / 2 * page)]);
                break;
            case "cut mid-page":
                await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2 + 1000)]);
                break;
            case "header only":
                await File.WriteAllBytesAsync(path, bytes[..100]);
                break;
            case "random bytes":
                await File.WriteAllBytesAsync(path, RandomNumberGenerator.GetBytes(200_000));
                break;
            case "another application's database":
                TestDatabases.Execute(path, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('ada'); CREATE TABLE orders (id INTEGER);");
                break;
            case "a newer schema version":
                await File.WriteAllBytesAsync(path, bytes);
                TestDatabases.Execute(path, $"UPDATE schema_info SET version = {SchemaInitializer.CurrentVersion + 1}; PRAGMA wal_checkpoint(TRUNCATE);");
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage));
        }
    }
}
