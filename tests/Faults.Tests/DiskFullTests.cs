using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Faults.Tests;

/// <summary>
/// The disk fills during an ingest: the database sits on a tmpfs too small for the batch. The ingest program stops
/// with one line and exit code 1; the database passes SQLite's integrity check and holds only whole articles (each
/// with every sentence and fact the same article has in a database loaded on a roomy disk); once space is freed, a
/// second run loads the rest, each file once.
/// </summary>
public class DiskFullTests
{
    const int Articles = 400;

    [TmpfsFact]
    public async Task AFullDiskStopsTheIngestWithOneLineAndLeavesWholeArticlesThatASecondRunCompletes()
    {
        using var root = new TempFolder();
        var folder = root.File("articles");
        GeneratedArticles.Write(folder, Articles, revision: 6);
        // The same files loaded on a roomy disk: what each whole article holds.
        var reference = root.File("reference.db");
        await TestDatabases.IngestAsync(folder, reference);
        var referenceSize = new FileInfo(reference).Length;

        using var disk = new Tmpfs($"{referenceSize / 3 / 1024}k");
        var database = Path.Combine(disk.Path, "dashboard.db");
        var (exit, output, errors) = await Ingest(folder, database);

        Assert.True(exit == 1, $"exit {exit}; output: {output}; errors: {errors}");
        var reason = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("is full", reason);
        Assert.Contains(database, reason);
        Assert.DoesNotContain("   at ", output + errors);

        Assert.Equal("ok", IntegrityCheck(database));
        var stored = TestDatabases.Scalar(database, "SELECT COUNT(*) FROM articles");
        Assert.True(stored < Articles, $"the disk held all {stored} articles: the test did not fill it");
        AssertWholeArticles(database, reference);

        disk.Resize("256m");
        var (again, againOutput, againErrors) = await Ingest(folder, database);
        Assert.True(again == 0, $"exit {again}; output: {againOutput}; errors: {againErrors}");
        Assert.Equal("ok", IntegrityCheck(database));
        Assert.Equal(Articles, TestDatabases.Scalar(database, "SELECT COUNT(*) FROM articles"));
        Assert.Equal(Articles, TestDatabases.Scalar(database, "SELECT COUNT(DISTINCT SourceFile) FROM articles"));
        AssertWholeArticles(database, reference);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    static Task<(int Exit, string Output, string Errors)> Ingest(string folder, string database) =>
        ChildProcess.RunAsync(TimeSpan.FromMinutes(5), RepoPaths.Root, ChildProcess.IngestDll, "ingest", folder, "--db", database, "--reference", RepoPaths.Reference);

    static string IntegrityCheck(string database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>Every article stored in <paramref name="database"/> has the same sentences and facts as in <paramref name="reference"/>.</summary>
    static void AssertWholeArticles(string database, string reference)
    {
        var counts = Counts(database);
        var whole = Counts(reference);
        Assert.NotEmpty(counts);
        foreach (var (file, parts) in counts)
        {
            Assert.Equal(whole[file], parts);
        }
    }

    const string PerArticle = """
        SELECT a.SourceFile,
               (SELECT COUNT(*) FROM sentences s WHERE s.ArticleId = a.Id) || '/' ||
               (SELECT COUNT(*) FROM place_mentions m WHERE m.ArticleId = a.Id) || '/' ||
               (SELECT COUNT(*) FROM control_claims c WHERE c.ArticleId = a.Id) || '/' ||
               (SELECT COUNT(*) FROM source_attributions r WHERE r.ArticleId = a.Id) || '/' ||
               (SELECT COUNT(*) FROM framing_term_hits t WHERE t.ArticleId = a.Id) || '/' ||
               length(a.Body)
        FROM articles a
        """;

    static Dictionary<string, string> Counts(string database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = PerArticle;
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) counts[reader.GetString(0)] = reader.GetString(1);
        return counts;
    }
}
