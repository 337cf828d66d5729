using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// Inserts rows of one entity type with a single prepared INSERT ... RETURNING statement, reused for every row.
/// Table, columns and value conversions come from the EF model, so the table's shape is still defined in one place.
/// Used for sentences and facts, where EF's SaveChanges cost about 0.5 ms a row (benchmarks/PERFORMANCE.md).
/// </summary>
internal sealed class RowInserter<T> : IDisposable where T : class
{
    readonly SqliteCommand command;
    readonly (IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, SqliteParameter Parameter)[] columns;

    public RowInserter(DashboardDbModel model, SqliteConnection connection, SqliteTransaction transaction)
    {
        var entity = model.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var properties = entity.GetProperties().Where(p => p != key).ToArray();
        command = connection.CreateCommand();
        command.Transaction = transaction;
        // Names come from the EF model, never from input.
        command.CommandText =
            $"INSERT INTO \"{table}\" ({string.Join(", ", properties.Select(p => "\"" + p.GetColumnName(store) + "\""))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => "$p" + i))}) RETURNING \"{key.GetColumnName(store)}\"";
        columns = properties.Select((p, i) => (p.GetGetter(), p.GetTypeMapping().Converter, command.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value)))).ToArray();
        command.Prepare();
    }

    /// <summary>Inserts the row and returns its new id.</summary>
    public int Insert(T row)
    {
        foreach (var (getter, converter, parameter) in columns)
        {
            var value = getter.GetClrValue(row);
            parameter.Value = value is null ? DBNull.Value
                : converter is not null ? converter.ConvertToProvider(value) ?? DBNull.Value
                : value is Enum ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
                : value;
        }
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => command.Dispose();
}

/// <summary>The EF model of the dashboard database, for <see cref="RowInserter{T}"/>.</summary>
internal sealed record DashboardDbModel(IModel Model);
