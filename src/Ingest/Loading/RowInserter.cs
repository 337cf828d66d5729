using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// Inserts rows of one entity type with prepared INSERT statements: one that writes <see cref="RowsPerStatement"/>
/// rows at once, reused for every full group, and one for a single row, for the rest. Ids are given,
/// not returned: the first is read inside the write transaction (which holds the database's write lock) as the
/// next id SQLite's AUTOINCREMENT would give, and each row takes the next, so the ids are the same as before.
/// Table, columns and value conversions come from the EF model, so the table's shape is still defined in one place.
/// Used for articles, sentences and facts, where EF's SaveChanges cost about 0.5 ms a row (benchmarks/PERFORMANCE.md).
/// A statement per row cost SQLite a statement's set-up and, for an AUTOINCREMENT table, a read and a write of
/// sqlite_sequence per row; a group of rows pays them once (benchmarks/PERFORMANCE.md, round 5).
/// </summary>
internal sealed class RowInserter<T> : IDisposable where T : class
{
    /// <summary>How many rows the group statement writes; its parameters stay far below SQLite's limit of 32,766.</summary>
    public const int RowsPerStatement = 32;

    readonly SqliteConnection connection;
    readonly sqlite3_stmt single;
    readonly sqlite3_stmt group;
    readonly T[] pending = new T[RowsPerStatement];
    readonly Action<T, int> setKey;
    readonly Func<T, int> getKey;
    readonly ColumnBinder<T>[] columns;

    public RowInserter(DashboardDbModel model, SqliteConnection connection, SqliteTransaction transaction)
    {
        this.connection = connection;
        var entity = model.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var properties = entity.GetProperties().Where(p => p != key).ToArray();
        var keyColumn = key.GetColumnName(store)!;
        NextId = ReadNextId(connection, transaction, table, keyColumn);
        // Names come from the EF model, never from input. The statement runs on the connection's SQLite handle, so
        // inside the open transaction; values are bound by position straight through SQLite's C API (the ADO.NET
        // command cost several microseconds a row: name lookup and type mapping of every parameter on every run).
        var columnList = string.Join(", ", properties.Select(p => "\"" + p.GetColumnName(store) + "\""));
        var values = $"(?, {string.Join(", ", properties.Select(_ => "?"))})";
        var insert = $"INSERT INTO \"{table}\" (\"{keyColumn}\", {columnList}) VALUES ";
        Check(raw.sqlite3_prepare_v2(connection.Handle, insert + values, out single));
        Check(raw.sqlite3_prepare_v2(connection.Handle, insert + string.Join(", ", Enumerable.Repeat(values, RowsPerStatement)), out group));
        columns = properties.Select(ColumnBinders<T>.For).ToArray();
        (setKey, getKey) = ColumnBinders<T>.Key(key);
    }

    /// <summary>The id the next inserted row gets.</summary>
    public int NextId { get; private set; }

    /// <summary>
    /// Inserts the rows in order, each with the next id, and sets each row's id as it is taken from
    /// <paramref name="rows"/> (so a row enumerated later may point at an earlier one). Every row is written when this
    /// returns.
    /// </summary>
    public void InsertAll(IEnumerable<T> rows)
    {
        var count = 0;
        foreach (var row in rows)
        {
            setKey(row, NextId++);
            pending[count++] = row;
            if (count == RowsPerStatement)
            {
                Write(group, 0, count);
                count = 0;
            }
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
        var parameter = 1;
        for (var r = first; r < first + count; r++)
        {
            var row = pending[r];
            Check(raw.sqlite3_bind_int64(statement, parameter++, getKey(row)));
            for (var i = 0; i < columns.Length; i++)
            {
                Check(columns[i](row, statement, parameter++));
            }
        }
        var done = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (done != raw.SQLITE_DONE)
        {
            Check(done);
        }
    }

    void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }

/// <summary>What AUTOINCREMENT would give next: one more than the largest id the table ever had.</summary>
    static int ReadNextId(SqliteConnection connection, SqliteTransaction transaction, string table, string keyColumn)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText =
            $"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = $table), 0), coalesce((SELECT max(\"{keyColumn}\") FROM \"{table}\"), 0)) + 1";
        read.Parameters.AddWithValue("$table", table);
        return Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        single.Dispose();
        group.Dispose();
    }
}

/// <summary>The EF model of the dashboard database, for <see cref="RowInserter{T}"/>.</summary>
internal sealed record DashboardDbModel(IModel Model);
