using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AleppoDashboard.Data.FastInsert;

/// <summary>
/// Inserts rows into one table through two prepared statements bound by position with SQLite's C API: one that writes
/// <see cref="RowsPerStatement"/> rows at once, run for every full group, and one for a single row, for the rest.
/// A statement per row paid SQLite's set-up of a statement, and for an AUTOINCREMENT table a read and a write of
/// sqlite_sequence, on every row; a group pays them once (benchmarks/PERFORMANCE.md, round 5). Runs on the
/// connection's handle, so inside its open transaction.
/// </summary>
public sealed class GroupedInsert<TRow> : IDisposable
{
    /// <summary>How many rows the group statement writes; its parameters stay far below SQLite's limit of 32,766.</summary>
    public const int RowsPerStatement = 32;

    /// <summary>Binds a row's values to the parameters from <paramref name="first"/> on; returns SQLite's result code.</summary>
    public delegate int RowBinder(in TRow row, sqlite3_stmt statement, int first);

    readonly SqliteConnection connection;
    readonly RowBinder bind;
    readonly int columnCount;
    readonly sqlite3_stmt single;
    readonly sqlite3_stmt group;
    readonly TRow[] pending = new TRow[RowsPerStatement];

    /// <param name="table">A table name from the schema, never from input.</param>
    /// <param name="columns">Column names from the schema, in the order <paramref name="bind"/> binds them.</param>
    public GroupedInsert(SqliteConnection connection, string table, IReadOnlyList<string> columns, RowBinder bind)
    {
        this.connection = connection;
        this.bind = bind;
        columnCount = columns.Count;
        var values = "(" + string.Join(", ", columns.Select(_ => "?")) + ")";
        var insert = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) VALUES ";
        Check(raw.sqlite3_prepare_v2(connection.Handle, insert + values, out single));
        Check(raw.sqlite3_prepare_v2(connection.Handle, insert + string.Join(", ", Enumerable.Repeat(values, RowsPerStatement)), out group));
    }

    /// <summary>Inserts the rows in order. Every row is written when this returns.</summary>
    public void InsertAll(IEnumerable<TRow> rows, CancellationToken ct = default)
    {
        var count = 0;
        var groups = 0;
        foreach (var row in rows)
        {
            pending[count++] = row;
            if (count < RowsPerStatement) continue;
            if ((++groups & 0x7FF) == 0) ct.ThrowIfCancellationRequested();
            Write(group, 0, count);
            count = 0;
        }
        for (var i = 0; i < count; i++)
        {
            Write(single, i, 1);
        }
        Array.Clear(pending);
    }

    /// <summary>Binds <paramref name="count"/> pending rows from <paramref name="first"/> on to <paramref name="statement"/> and runs it once.</summary>
    void Write(sqlite3_stmt statement, int first, int count)
    {
        for (var r = 0; r < count; r++)
        {
            Check(bind(in pending[first + r], statement, 1 + r * columnCount));
        }
        var done = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (done != raw.SQLITE_DONE) Check(done);
    }

    void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    public void Dispose()
    {
        single.Dispose();
        group.Dispose();
    }
}
