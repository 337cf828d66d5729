using AleppoDashboard.Data.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AleppoDashboard.Data.FastInsert;

/// <summary>Inserts rows of one entity type with ids it gives itself (see <see cref="RowInserter{T}"/>, <see cref="CopyInserter{T}"/>).</summary>
internal interface IRowInserter<in T> : IDisposable where T : class
{
    /// <summary>The id the next inserted row gets.</summary>
    int NextId { get; }

    /// <summary>Inserts the rows in order, each with the next id (set on the row as it is taken). Every row is written when this returns.</summary>
    void InsertAll(IEnumerable<T> rows);
}

/// <summary>The fast inserter for the context's provider, in its open transaction.</summary>
internal static class RowInserters
{
    public static IRowInserter<T> For<T>(DashboardDb db) where T : class
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Fast inserts run inside the write transaction.");
        var model = new DashboardDbModel(db.Model);
        return db.IsPostgres()
            ? new CopyInserter<T>(model, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction)
            : new RowInserter<T>(model, (SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction);
    }
}
