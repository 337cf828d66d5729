using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// Inserts rows of one entity type with a single prepared INSERT statement, reused for every row. Ids are given,
/// not returned: the first is read inside the write transaction (which holds the database's write lock) as the
/// next id SQLite's AUTOINCREMENT would give, and each row takes the next, so the ids are the same as before.
/// Table, columns and value conversions come from the EF model, so the table's shape is still defined in one place.
/// Used for articles, sentences and facts, where EF's SaveChanges cost about 0.5 ms a row (benchmarks/PERFORMANCE.md).
/// </summary>
internal sealed class RowInserter<T> : IDisposable where T : class
{
    readonly SqliteConnection connection;
    readonly sqlite3_stmt statement;
    readonly Action<T, int> setKey;
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
        var sql =
            $"INSERT INTO \"{table}\" (\"{keyColumn}\", {string.Join(", ", properties.Select(p => "\"" + p.GetColumnName(store) + "\""))}) " +
            $"VALUES (?, {string.Join(", ", properties.Select(_ => "?"))})";
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out statement));
        columns = properties.Select(p => ColumnBinders<T>.For(p, connection)).ToArray();
        setKey = ColumnBinders<T>.KeySetter(key);
    }

    /// <summary>The id the next inserted row gets.</summary>
    public int NextId { get; private set; }

    /// <summary>Inserts the row with the next id, sets the row's id and returns it.</summary>
    public int Insert(T row)
    {
        var id = NextId;
        Check(raw.sqlite3_bind_int64(statement, 1, id));
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i](row, statement, i + 2);
        }
        var done = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (done != raw.SQLITE_DONE)
        {
            Check(done);
        }
        setKey(row, id);
        NextId = id + 1;
        return id;
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

    public void Dispose() => statement.Dispose();
}

/// <summary>The EF model of the dashboard database, for <see cref="RowInserter{T}"/>.</summary>
internal sealed record DashboardDbModel(IModel Model);
