using AleppoDashboard.Data.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace AleppoDashboard.Data.FastInsert;

/// <summary>
/// Inserts rows of one entity type through a <see cref="GroupedInsert{TRow}"/> (prepared statements bound through
/// SQLite's C API, 32 rows a statement). Ids are given, not returned: the first is read inside the write transaction
/// (which holds the database's write lock) as the next id SQLite's AUTOINCREMENT would give, and each row takes the
/// next, so the ids are the same as before. Table, columns and value conversions come from the EF model, so the
/// table's shape is still defined in one place. Used for articles, sentences and facts, where EF's SaveChanges (a
/// tracked entry, a command and an id read back per row) made the writes the slowest part of an ingest (README.md).
/// </summary>
internal sealed class RowInserter<T> : IRowInserter<T> where T : class
{
    readonly GroupedInsert<T> insert;
    readonly Action<T, int> setKey;

    public RowInserter(DashboardDbModel model, SqliteConnection connection, SqliteTransaction transaction)
    {
        var entity = model.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var properties = entity.GetProperties().Where(p => p != key).ToArray();
        var keyColumn = key.GetColumnName(store)!;
        NextId = ReadNextId(connection, transaction, table, keyColumn);
        // Names come from the EF model, never from input. Values are bound by position straight through SQLite's C API
        // (the ADO.NET command cost several microseconds a row: name lookup and type mapping of every parameter on every run).
        var columns = properties.Select(ColumnBinders<T>.For).ToArray();
        (setKey, var getKey) = ColumnBinders<T>.Key(key);
        insert = new GroupedInsert<T>(connection, table, [keyColumn, .. properties.Select(p => p.GetColumnName(store)!)], (in T row, sqlite3_stmt statement, int first) =>
        {
            var rc = raw.sqlite3_bind_int64(statement, first, getKey(row));
            for (var i = 0; i < columns.Length && rc == raw.SQLITE_OK; i++)
            {
                rc = columns[i](row, statement, first + 1 + i);
            }
            return rc;
        });
    }

    /// <summary>The id the next inserted row gets.</summary>
    public int NextId { get; private set; }

    /// <summary>
    /// Inserts the rows in order, each with the next id, and sets each row's id as it is taken from
    /// <paramref name="rows"/> (so a row enumerated later may point at an earlier one). Every row is written when this
    /// returns.
    /// </summary>
    public void InsertAll(IEnumerable<T> rows) => insert.InsertAll(rows.Select(row =>
    {
        setKey(row, NextId++);
        return row;
    }));

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

    public void Dispose() => insert.Dispose();
}

/// <summary>The EF model of the dashboard database, for <see cref="RowInserter{T}"/>.</summary>
internal sealed record DashboardDbModel(IModel Model);
