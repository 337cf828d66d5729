using System.Data;
using System.Data.Common;
using AleppoDashboard.Data.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Reads;

/// <summary>
/// A read transaction: the queries run while it is open all see one state of the database, so a page that reads an
/// article, then its facts, then its claims never mixes two versions of an article that an ingest rewrote in between.
/// Deferred (SQLite's BEGIN), so it takes no write lock: in WAL mode it neither waits for nor blocks a running ingest.
/// On PostgreSQL a REPEATABLE READ, READ ONLY transaction: one snapshot for all its queries, taking no locks that an
/// ingest would wait for.
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable
{
    readonly DashboardDb db;
    readonly DbTransaction transaction;

    ReadSnapshot(DashboardDb db, DbTransaction transaction) => (this.db, this.transaction) = (db, transaction);

    public static async Task<ReadSnapshot> BeginAsync(DashboardDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        DbTransaction transaction;
        if (db.IsPostgres())
        {
            transaction = await db.Database.GetDbConnection().BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await using var readOnly = db.Database.GetDbConnection().CreateCommand();
            readOnly.Transaction = transaction;
            readOnly.CommandText = "SET TRANSACTION READ ONLY";
            await readOnly.ExecuteNonQueryAsync(ct);
        }
        else
        {
            transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        }
        await db.Database.UseTransactionAsync(transaction, ct);
        return new ReadSnapshot(db, transaction);
    }

    /// <summary>A snapshot, or null when the context already runs in a transaction (whose snapshot then holds).</summary>
    public static async Task<ReadSnapshot?> BeginUnlessInTransactionAsync(DashboardDb db, CancellationToken ct) =>
        db.Database.CurrentTransaction is null ? await BeginAsync(db, ct) : null;

    public async ValueTask DisposeAsync()
    {
        await db.Database.UseTransactionAsync(null);
        await transaction.DisposeAsync(); // rolls back: nothing was written
        await db.Database.CloseConnectionAsync();
    }
}
