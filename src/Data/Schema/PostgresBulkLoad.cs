using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AleppoDashboard.Data.Schema;

/// <summary>
/// PostgreSQL's side of a bulk load (<c>FastInsert.BulkLoad</c>): what SQLite gets from dropping its non-unique indexes
/// and <c>PRAGMA foreign_keys=OFF</c>. Keeping them during the load made every COPY row pay for a B-tree insert per
/// index, a GIN insert of its search words and a foreign-key check per reference (an RI trigger running a query per
/// row): about 95-150 articles/s. So the load drops the non-unique indexes, the search column's GIN index and the
/// foreign keys, and <see cref="RestoreAsync"/> builds them once from the whole tables at its end (an index build is
/// a sort; a foreign key is checked by one join). Primary keys and unique indexes stay, so a rerun can never store an
/// article or a sentence twice.
///
/// What was dropped is written to <c>dashboard_meta</c> in the transaction that drops it; the loader holds
/// <see cref="LoaderLock"/> (a session advisory lock) while it loads. If the loader dies (the server stopped, the
/// process killed), its lock goes with its session, and the next open of the database (<see cref="PostgresSchema"/>)
/// restores what the row lists. While a live loader holds the lock, other processes (a web instance starting) leave
/// the schema alone rather than building indexes under the load.
/// </summary>
public static class PostgresBulkLoad
{
    /// <summary>The dashboard_meta key that lists the foreign keys dropped by a load not yet restored.</summary>
    public const string PendingKey = "bulk_load_dropped";

    /// <summary>Held by the loading session for the whole load (any constant shared by every process).</summary>
    const long LoaderLock = 0x416C6570706F42;

    /// <summary>Memory for each index build at the end (a session setting; the server's default is 64 MB).</summary>
    const string BuildMemory = "SET maintenance_work_mem = '512MB';";

    sealed record DroppedKey(string Table, string Name, string Definition);

    /// <summary>
    /// Takes the loader's lock on <paramref name="db"/>'s connection (which must stay open until
    /// <see cref="RestoreAsync"/>), then drops the non-unique indexes, the search index and every foreign key.
    /// </summary>
    public static async Task DropAsync(DashboardDb db, IEnumerable<string> secondaryIndexes, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        // Waits for a loader in another process, if any, to end: one load drops and restores at a time.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({LoaderLock});", ct);
        db.Database.SetCommandTimeout(timeout);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var keys = await db.Database.SqlQueryRaw<string>("""
            SELECT json_agg(json_build_object('Table', c.conrelid::regclass::text, 'Name', c.conname,
                                              'Definition', pg_get_constraintdef(c.oid)))::text AS "Value"
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
            """).ToListAsync(ct);
        var dropped = keys[0] is { } json ? JsonSerializer.Deserialize<List<DroppedKey>>(json)! : [];
        // A load whose earlier drop was never restored keeps that list (its keys are already gone).
        var earlier = await SchemaInitializer.GetMetaAsync(db, PendingKey, ct);
        if (earlier is not null) dropped.AddRange(JsonSerializer.Deserialize<List<DroppedKey>>(earlier)!);
        await SchemaInitializer.SetMetaAsync(db, PendingKey, JsonSerializer.Serialize(dropped), ct);
        foreach (var key in dropped)
        {
            // Names come from the catalog (the EF model's constraints), quoted; never from input.
            var drop = "ALTER TABLE " + key.Table + " DROP CONSTRAINT IF EXISTS " + Quote(key.Name) + ";";
            await db.Database.ExecuteSqlRawAsync(drop, ct);
        }
        foreach (var index in secondaryIndexes.Append("IX_sentences_search"))
        {
            var drop = "DROP INDEX IF EXISTS " + Quote(index) + ";";
            await db.Database.ExecuteSqlRawAsync(drop, ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Builds every missing index of the model and the search index, and adds back the foreign keys a load dropped.
    /// The keys go back first, NOT VALID (no row is read; every row written from then on is checked), in one short
    /// transaction; then the index builds and each key's validation (the one join that checks the rows already
    /// there) run on <see cref="Builders"/> connections at once, largest first: each is a statement of its own, and
    /// the server locks them against each other where they touch the same table. Readers keep reading meanwhile. The
    /// pending row goes only once all of them are done: if the server stops midway, the next
    /// <see cref="RestoreIfAbandonedAsync"/> builds what is missing and validates what is not validated. Releases the
    /// loader's lock if this session held it.
    /// </summary>
    public static async Task RestoreAsync(DashboardDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        // Building the indexes of millions of rows takes minutes: an hour, as the ingest's COPYs have, not EF's 30 s.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        try
        {
            var pending = await SchemaInitializer.GetMetaAsync(db, PendingKey, ct);
            if (pending is not null)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                foreach (var key in JsonSerializer.Deserialize<List<DroppedKey>>(pending)!)
                {
                    var present = await db.Database.SqlQueryRaw<bool>(
                        "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = {0} AND conrelid = to_regclass({1})) AS \"Value\"",
                        key.Name, key.Table).ToListAsync(ct);
                    if (present[0]) continue;
                    // The definition is the catalog's own text of the constraint that was dropped.
                    var add = "ALTER TABLE " + key.Table + " ADD CONSTRAINT " + Quote(key.Name) + " " + NotValid(key.Definition) + ";";
                    await db.Database.ExecuteSqlRawAsync(add, ct);
                }
                await tx.CommitAsync(ct);
            }
            var unvalidated = await db.Database.SqlQueryRaw<string>("""
                SELECT 'ALTER TABLE ' || c.conrelid::regclass::text || ' VALIDATE CONSTRAINT ' || quote_ident(c.conname) || ';' AS "Value"
                FROM pg_constraint c
                WHERE c.contype = 'f' AND NOT c.convalidated AND c.connamespace = current_schema()::regnamespace
                ORDER BY c.conrelid = to_regclass('sentences'), c.conname
                """).ToListAsync(ct);
            // The GIN index of the search words is the longest build: it starts first, on a connection of its own. The
            // key of sentences is validated last: it waits for that build (both lock the table), and would hold a
            // connection idle meanwhile.
            List<string> work =
            [
                SearchIndexSql,
                .. SchemaInitializer.CreateIfMissingStatements(db).Where(s => s.StartsWith("CREATE INDEX", StringComparison.Ordinal)),
                .. unvalidated,
            ];
            await RunAtOnceAsync((NpgsqlConnection)db.Database.GetDbConnection(), work, ct);
            if (pending is not null) await db.Database.ExecuteSqlRawAsync($"DELETE FROM dashboard_meta WHERE key = '{PendingKey}';", ct);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock_all();", CancellationToken.None);
            db.Database.SetCommandTimeout(timeout);
        }
    }

    /// <summary>
    /// How many connections build indexes and validate keys at once after a load. An index build is one sort on one
    /// core (a GIN build is never split by the server), and a validation one join: more than one at a time uses a
    /// server's other cores, and keeps one core busy while another statement waits for its table's lock.
    /// </summary>
    const int Builders = 3;

    /// <summary>The search column's index alone (the column itself is never dropped by a load).</summary>
    const string SearchIndexSql = "CREATE INDEX IF NOT EXISTS \"IX_sentences_search\" ON sentences USING GIN (search);";

    /// <summary>
    /// Runs each statement in its own transaction on one of <see cref="Builders"/> new connections like
    /// <paramref name="like"/>, in the order given as connections come free. Stops giving out statements at the
    /// first failure, and throws it once the running ones have ended.
    /// </summary>
    static async Task RunAtOnceAsync(NpgsqlConnection like, IReadOnlyList<string> statements, CancellationToken ct)
    {
        var next = -1;
        using var failed = new CancellationTokenSource();
        async Task BuildAsync()
        {
            // A clone keeps the password, which Npgsql has dropped from the opened connection's string.
            await using var connection = (NpgsqlConnection)((ICloneable)like).Clone();
            await connection.OpenAsync(ct);
            await using (var settings = new NpgsqlCommand(BuildMemory, connection)) await settings.ExecuteNonQueryAsync(ct);
            int i;
            while ((i = Interlocked.Increment(ref next)) < statements.Count && !failed.IsCancellationRequested)
            {
                // Statements come from the EF model's create script and the catalog, never from input.
                await using var command = new NpgsqlCommand(statements[i], connection) { CommandTimeout = 3600 };
                try
                {
                    await command.ExecuteNonQueryAsync(ct);
                }
                catch
                {
                    await failed.CancelAsync();
                    throw;
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Builders).Select(_ => Task.Run(BuildAsync, ct)));
    }

    /// <summary>A foreign key's catalog definition, to be added without reading the rows already there.</summary>
    static string NotValid(string definition) =>
        (definition.EndsWith(" NOT VALID", StringComparison.Ordinal) ? definition[..^" NOT VALID".Length] : definition) + " NOT VALID";

    /// <summary>
    /// Restores what a load that died dropped (its drop pending and no live loader holding its lock): the ingest's
    /// next open does this. A role that may not write (the web app's read-only role) leaves it to the ingest.
    /// </summary>
    public static async Task RestoreIfAbandonedAsync(DashboardDb db, CancellationToken ct)
    {
        if (await SchemaInitializer.GetMetaAsync(db, PendingKey, ct) is null) return;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var free = await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_lock({LoaderLock}) AS \"Value\"").ToListAsync(ct);
            if (!free[0]) return;
            try
            {
                await RestoreAsync(db, ct);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.ReadOnlySqlTransaction or Npgsql.PostgresErrorCodes.InsufficientPrivilege)
            {
                // Reads work without the indexes (slowly); the ingest's next run restores them.
            }
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock_all();", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
