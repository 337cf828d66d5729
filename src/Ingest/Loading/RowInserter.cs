using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

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
    readonly SqliteCommand command;
    readonly IProperty key;
    readonly SqliteParameter keyParameter;
    readonly (IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, SqliteParameter Parameter)[] columns;

    public RowInserter(DashboardDbModel model, SqliteConnection connection, SqliteTransaction transaction)
    {
        var entity = model.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        key = entity.FindPrimaryKey()!.Properties.Single();
        var properties = entity.GetProperties().Where(p => p != key).ToArray();
        var keyColumn = key.GetColumnName(store)!;
        NextId = ReadNextId(connection, transaction, table, keyColumn);
        command = connection.CreateCommand();
        command.Transaction = transaction;
        // Names come from the EF model, never from input.
        command.CommandText =
            $"INSERT INTO \"{table}\" (\"{keyColumn}\", {string.Join(", ", properties.Select(p => "\"" + p.GetColumnName(store) + "\""))}) " +
            $"VALUES ($id, {string.Join(", ", properties.Select((_, i) => "$p" + i))})";
        keyParameter = command.Parameters.Add(new SqliteParameter("$id", 0));
        columns = properties.Select((p, i) => (p.GetGetter(), p.GetTypeMapping().Converter, command.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value)))).ToArray();
        command.Prepare();
    }

    /// <summary>The id the next inserted row gets.</summary>
    public int NextId { get; private set; }

    /// <summary>Inserts the row with the next id, sets the row's id and returns it.</summary>
    public int Insert(T row)
    {
        var id = NextId;
        keyParameter.Value = id;
        foreach (var (getter, converter, parameter) in columns)
        {
            var value = getter.GetClrValue(row);
            parameter.Value = value is null ? DBNull.Value
                : converter is not null ? converter.ConvertToProvider(value) ?? DBNull.Value
                : value is Enum ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
                : value;
        }
        command.ExecuteNonQuery();
        key.PropertyInfo!.SetValue(row, id);
        NextId = id + 1;
        return id;
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

    public void Dispose() => command.Dispose();
}

/// <summary>The EF model of the dashboard database, for <see cref="RowInserter{T}"/>.</summary>
internal sealed record DashboardDbModel(IModel Model);
