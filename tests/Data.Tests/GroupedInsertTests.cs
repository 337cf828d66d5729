using AleppoDashboard.Data.FastInsert;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.TestSupport;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AleppoDashboard.Data.Tests;

/// <summary>
/// Rows go in by groups of <see cref="GroupedInsert{TRow}.RowsPerStatement"/> and the rest one by one: each row is stored
/// once, in order, and a row SQLite refuses is reported as SQLite's error, not skipped.
/// </summary>
public sealed class GroupedInsertTests : IDisposable
{
    readonly TempFolder folder = new();

    readonly record struct Row(long Id, string Text);

    static int Bind(in Row row, sqlite3_stmt statement, int first)
    {
        var rc = raw.sqlite3_bind_int64(statement, first, row.Id);
        return rc != raw.SQLITE_OK ? rc : raw.sqlite3_bind_text(statement, first + 1, row.Text);
    }

    SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={folder.File("grouped.db")}");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE IF NOT EXISTS rows (Id INTEGER PRIMARY KEY, Text TEXT NOT NULL)";
        create.ExecuteNonQuery();
        return connection;
    }

    static List<Row> Stored(SqliteConnection connection)
    {
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT Id, Text FROM rows ORDER BY rowid";
        using var reader = read.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read()) rows.Add(new Row(reader.GetInt64(0), reader.GetString(1)));
        return rows;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(GroupedInsert<Row>.RowsPerStatement - 1)]
    [InlineData(GroupedInsert<Row>.RowsPerStatement)]
    [InlineData(3 * GroupedInsert<Row>.RowsPerStatement + 7)]
    public void EveryRowIsStoredOnceInOrder(int count)
    {
        using var connection = Open();
        // Ids descending, so that the stored order (rowid) is not the id order by chance.
        var rows = Enumerable.Range(0, count).Select(i => new Row(10_000 - i, $"row {i} “ق” '; DROP TABLE rows")).ToList();
        using (var insert = new GroupedInsert<Row>(connection, "rows", ["Id", "Text"], Bind))
        {
            insert.InsertAll(rows);
        }
        Assert.Equal(rows.OrderBy(r => r.Id), Stored(connection));
    }

    /// <summary>In the first group, in the second, and among the rows written one by one after the groups.</summary>
    [Theory]
    [InlineData(5)]
    [InlineData(GroupedInsert<Row>.RowsPerStatement + 5)]
    [InlineData(2 * GroupedInsert<Row>.RowsPerStatement + 1)]
    public void ARowSqliteRefusesIsReportedAsItsError(int duplicateAt)
    {
        using var connection = Open();
        var rows = Enumerable.Range(0, 2 * GroupedInsert<Row>.RowsPerStatement + 3).Select(i => new Row(i, $"row {i}")).ToList();
        rows[duplicateAt] = rows[duplicateAt] with { Id = 0 };
        using var insert = new GroupedInsert<Row>(connection, "rows", ["Id", "Text"], Bind);
        var error = Assert.Throws<SqliteException>(() => insert.InsertAll(rows));
        Assert.Equal(raw.SQLITE_CONSTRAINT, error.SqliteErrorCode);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
