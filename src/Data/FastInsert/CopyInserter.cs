using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace AleppoDashboard.Data.FastInsert;

/// <summary>
/// <see cref="RowInserter{T}"/> on PostgreSQL: the rows go through COPY ... FROM STDIN (BINARY) (Npgsql's binary
/// import), one COPY per <see cref="InsertAll"/>. Table, columns and value conversions come from the EF model, as for
/// SQLite. Ids are given here too, so that facts can point at the sentences of the same batch without reading ids back:
/// the table is locked against other writers for the rest of the transaction (readers are not blocked), the next id is
/// one more than the largest the table or its identity sequence ever gave, and the sequence is moved past the ids used,
/// so an insert through EF later still gets a new id.
/// </summary>
internal sealed class CopyInserter<T> : IRowInserter<T> where T : class
{
    readonly NpgsqlConnection connection;
    readonly NpgsqlTransaction transaction;
    readonly string copySql;
    readonly string table;
    readonly string keyColumn;
    readonly Action<T, int> setKey;
    readonly Func<T, int> getKey;
    readonly (Func<T, object?> Get, NpgsqlDbType Type)[] columns;
    int written;

    public CopyInserter(DashboardDbModel model, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
        var entity = model.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var properties = entity.GetProperties().Where(p => p != key).ToArray();
        keyColumn = key.GetColumnName(store)!;
        (setKey, getKey) = ColumnBinders<T>.Key(key);
        columns = properties.Select(Column).ToArray();
        // Names come from the EF model, never from input.
        copySql = $"COPY \"{table}\" (\"{keyColumn}\", {string.Join(", ", properties.Select(p => "\"" + p.GetColumnName(store) + "\""))}) FROM STDIN (FORMAT BINARY)";
        NextId = ReadNextId();
    }

    public int NextId { get; private set; }

    public void InsertAll(IEnumerable<T> rows)
    {
        using (var import = connection.BeginBinaryImport(copySql))
        {
            // An hour, not Npgsql's 30 s (zero made reads time out at once in Npgsql 10.0.0), as for any write of the ingest: Npgsql's default of 30 s would fail a large batch on a busy server.
            import.Timeout = TimeSpan.FromHours(1);
            foreach (var row in rows)
            {
                setKey(row, NextId++);
                written++;
                import.StartRow();
                import.Write(getKey(row), NpgsqlDbType.Integer);
                foreach (var (get, type) in columns)
                {
                    if (get(row) is { } value) import.Write(value, type);
                    else import.WriteNull();
                }
            }
            import.Complete();
        }
    }

    /// <summary>Locks out other writers of the table until the transaction ends, then reads the next free id.</summary>
    int ReadNextId()
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            LOCK TABLE "{table}" IN SHARE ROW EXCLUSIVE MODE;
            SELECT greatest(coalesce(pg_sequence_last_value(pg_get_serial_sequence('"{table}"', '{keyColumn}')), 0),
                            coalesce((SELECT max("{keyColumn}") FROM "{table}"), 0)) + 1
            """;
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>A column's value as the provider stores it (through the property's value converter), with its type.</summary>
    internal static (Func<T, object?> Get, NpgsqlDbType Type) Column(IProperty property)
    {
        var getter = property.GetGetter();
        var converter = property.GetTypeMapping().Converter;
        var type = property.GetRelationalTypeMapping().StoreType switch
        {
            "integer" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            "smallint" => NpgsqlDbType.Smallint,
            "text" => NpgsqlDbType.Text,
            "date" => NpgsqlDbType.Date,
            "double precision" => NpgsqlDbType.Double,
            "boolean" => NpgsqlDbType.Boolean,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "bytea" => NpgsqlDbType.Bytea,
            var other => throw new NotSupportedException($"{typeof(T).Name}.{property.Name}: no COPY type for '{other}'."),
        };
        return (row =>
        {
            var value = getter.GetClrValue(row);
            if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
            return value is Enum e && type is NpgsqlDbType.Integer ? Convert.ToInt32(e, CultureInfo.InvariantCulture) : value;
        }, type);
    }

    /// <summary>Moves the identity sequence past the ids given, so that later inserts through EF do not collide with them.</summary>
    public void Dispose()
    {
        if (written == 0) return;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{keyColumn}'), {(NextId - 1).ToString(CultureInfo.InvariantCulture)})";
        command.ExecuteScalar();
    }
}
