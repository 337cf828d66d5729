using AleppoDashboard.Data;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.TestSupport;
using Microsoft.Data.Sqlite;

namespace AleppoDashboard.Faults.Tests;

/// <summary>Databases made through the real ingest, closed (write-ahead log checkpointed into the file) when returned.</summary>
public static class TestDatabases
{
    public static ReferenceFiles Reference => new(RepoPaths.Reference);

    /// <summary>Loads <paramref name="folder"/> into a new database at <paramref name="path"/>.</summary>
    public static async Task<IngestReport> IngestAsync(string folder, string path)
    {
        var corpus = await Corpus.OpenAsync(DataServiceExtensions.CreateFactory(path), Reference, 8 * 1024 * 1024, TimeProvider.System);
        var report = await corpus.Ingestor.IngestFolderAsync(folder);
        SqliteConnection.ClearAllPools(); // the last connection closed: the log is checkpointed and removed
        return report;
    }

    public static long Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
