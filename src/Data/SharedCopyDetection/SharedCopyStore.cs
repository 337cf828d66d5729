using System.Diagnostics;
using System.Globalization;
using AleppoDashboard.Data.FastInsert;
using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace AleppoDashboard.Data.SharedCopyDetection;

/// <summary>What <see cref="SharedCopyStore.UpdateAsync"/> did.</summary>
/// <param name="Stored">False when an ingest changed the articles during the detection (its own update follows).</param>
public sealed record SharedCopyUpdate(long Version, bool Stored, int SharedSentences, TimeSpan Detection, TimeSpan Writing)
{
    public override string ToString() => Stored
        ? $"shared copy: {SharedSentences} sentences of content version {Version} (detected in {Detection.TotalSeconds:0.0} s, stored in {Writing.TotalSeconds:0.0} s)"
        : $"shared copy: not stored, the articles changed during the detection (content version {Version})";
}

/// <summary>
/// The shared-copy map of the whole corpus, detected with <see cref="SharedCopyDetector"/> after each ingest or
/// re-extraction and stored in shared_copy_sentences and shared_copy_texts with the content version it belongs to,
/// so that the web app reads a sentence's copies from the database instead of holding the map (and detecting it at
/// every start). A map is current when its version is the database's <see cref="ContentVersion"/>; while it is not (an
/// ingest has written articles and not yet finished its detection) pages say that the marks are not known yet.
/// </summary>
public static class SharedCopyStore
{
    /// <summary>dashboard_meta key: the content version of the stored map.</summary>
    public const string VersionKey = "shared_copies_version";

    /// <summary>
    /// dashboard_meta key: the content version of the stored heads (<see cref="SharedCopyHead"/>), written with the map.
    /// Its own key, not a new form of <see cref="VersionKey"/>'s value: a map stored before there were heads is then not
    /// current (the next detection stores both), while an older build on the same file still reads its own key.
    /// </summary>
    public const string HeadsVersionKey = "shared_copy_heads_version";

    /// <summary>dashboard_meta key: "version|UTC ticks" of the last detection started, so that two processes do not both run it.</summary>
    public const string StartedKey = "shared_copies_started";

    /// <summary>Whether the stored map is that of the current articles (read in the caller's snapshot, if any).</summary>
    public static async Task<bool> IsCurrentAsync(DashboardDb db, CancellationToken ct) => (await StateAsync(db, ct)).Current;

    /// <summary>The content version and whether the stored map is that version's, read together in one query.</summary>
    public static async Task<(string ContentVersion, bool Current)> StateAsync(DashboardDb db, CancellationToken ct)
    {
        var meta = await ReadMetaAsync(db, ct);
        var version = meta.GetValueOrDefault(ContentVersion.Key, "0");
        return (version, meta.GetValueOrDefault(VersionKey, "0") == version && meta.GetValueOrDefault(HeadsVersionKey, "0") == version);
    }

    /// <summary>Whether a detection of the current version started less than <paramref name="within"/> ago (in any process).</summary>
    public static async Task<bool> IsRunningAsync(DashboardDb db, TimeSpan within, DateTimeOffset now, CancellationToken ct)
    {
        var meta = await ReadMetaAsync(db, ct);
        if (meta.GetValueOrDefault(StartedKey)?.Split('|') is not [var version, var ticks]) return false;
        return version == meta.GetValueOrDefault(ContentVersion.Key, "0")
            && long.TryParse(ticks, CultureInfo.InvariantCulture, out var t) && now - new DateTimeOffset(t, TimeSpan.Zero) < within;
    }

    /// <summary>
    /// Detects shared copy among every sentence and stores the map, unless the stored one is current (then null).
    /// The sentences are read in one snapshot with the content version; the map is written in one transaction, and only
    /// if the version has not moved meanwhile, so a stored map never pairs new articles with an old number.
    /// </summary>
    public static async Task<SharedCopyUpdate?> UpdateAsync(IDbContextFactory<DashboardDb> databases, TimeProvider time, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long version;
        SharedCopies found;
        await using (var db = await databases.CreateDbContextAsync(ct))
        {
            await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
            if (await IsCurrentAsync(db, ct)) return null;
            version = await ContentVersion.ReadAsync(db, ct);
            await using (var writer = await databases.CreateDbContextAsync(ct))
            {
                await MarkStartedAsync(writer, version, time, ct);
            }
            try
            {
                found = await DetectAsync(db, ct);
            }
            catch
            {
                // Cancelled or failed: say that nobody is detecting any more, so that the web app's warm-up need not wait out the lease.
                await ClearStartedAsync(databases);
                throw;
            }
        }
        var rows = SharedCopyMapRows.Of(found);
        var detection = clock.Elapsed;
        await using (var db = await databases.CreateDbContextAsync(ct))
        {
            await db.Database.OpenConnectionAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await ContentVersion.ReadAsync(db, ct) != version) return new(version, false, 0, detection, TimeSpan.Zero);
            await WriteAsync(db, rows, version, ct);
            await tx.CommitAsync(ct);
            return new(version, true, rows.SharedSentences, detection, clock.Elapsed - detection);
        }
    }

    /// <summary>Takes the lease: a detection of <paramref name="version"/> started now (see <see cref="IsRunningAsync"/>).</summary>
    public static Task MarkStartedAsync(DashboardDb db, long version, TimeProvider time, CancellationToken ct) =>
        SchemaInitializer.SetMetaAsync(db, StartedKey,
            $"{version.ToString(CultureInfo.InvariantCulture)}|{time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture)}", ct);

    /// <summary>Gives the lease up (a detection cancelled or failed), so that the web app's warm-up need not wait it out.</summary>
    public static async Task ClearStartedAsync(IDbContextFactory<DashboardDb> databases)
    {
        await using var writer = await databases.CreateDbContextAsync(CancellationToken.None);
        await writer.Database.ExecuteSqlRawAsync("DELETE FROM dashboard_meta WHERE key = 'shared_copies_started'", CancellationToken.None);
    }

    /// <summary>
    /// Stores a map that the caller detected from the sentences it wrote itself (a bulk load into an empty database,
    /// which sees every sentence as it stores it and need not read them back), as of content version
    /// <paramref name="version"/>: only if that is still the version and the sentences table holds exactly those
    /// sentences (their number and the sum of their ids), so that a map never misses a sentence another process wrote.
    /// Returns null when not stored; the caller then runs <see cref="UpdateAsync"/>.
    /// </summary>
    public static async Task<SharedCopyUpdate?> StoreDetectedAsync(
        IDbContextFactory<DashboardDb> databases, SharedCopyMapRows rows, long version, (int Count, long IdSum) sentences, TimeSpan detection, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var db = await databases.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await ContentVersion.ReadAsync(db, ct) != version) return null;
        var stored = (await db.Database.SqlQueryRaw<SentenceTotals>("SELECT CAST(count(*) AS INTEGER) AS \"Count\", CAST(coalesce(sum(\"Id\"), 0) AS BIGINT) AS \"IdSum\" FROM sentences").ToListAsync(ct))[0];
        if (stored.Count != sentences.Count || stored.IdSum != sentences.IdSum) return null;
        await WriteAsync(db, rows, version, ct);
        await tx.CommitAsync(ct);
        return new(version, true, rows.SharedSentences, detection, clock.Elapsed);
    }

    /// <summary>Replaces the stored map with <paramref name="rows"/> as that of <paramref name="version"/>, inside the open transaction.</summary>
    static async Task WriteAsync(DashboardDb db, SharedCopyMapRows rows, long version, CancellationToken ct)
    {
        // A database made before the heads has no table for them (PostgreSQL's schema is not touched while its version is current).
        foreach (var create in SchemaInitializer.CreateIfMissingStatements(db).Where(c => c.Contains("\"shared_copy_heads\"", StringComparison.Ordinal)))
        {
            await db.Database.ExecuteSqlRawAsync(create, ct);
        }
        // Outlets by name, as the detection knows them (two outlets of one name list the same name, whichever id is kept).
        var outletIds = (await db.Outlets.AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .GroupBy(o => o.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(o => o.Id), StringComparer.Ordinal);
        var heads = rows.Heads(outletIds);
        var stamp = version.ToString(CultureInfo.InvariantCulture);
        if (db.IsPostgres())
        {
            await WritePostgresAsync(db, rows, heads, ct);
            await SchemaInitializer.SetMetaAsync(db, VersionKey, stamp, ct);
            await SchemaInitializer.SetMetaAsync(db, HeadsVersionKey, stamp, ct);
            return;
        }
        // The indexes are built once from the new rows (millions in a large corpus) rather than kept up row by row.
        var indexes = await db.Database.SqlQueryRaw<string>(
            "SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'shared_copy_sentences' AND name LIKE 'IX_%'").ToListAsync(ct);
        foreach (var index in indexes)
        {
            // Index names come from the schema (EF's IX_ names), never from input.
            var drop = "DROP INDEX \"" + index + "\";";
            await db.Database.ExecuteSqlRawAsync(drop, ct);
        }
        await db.Database.ExecuteSqlRawAsync("DELETE FROM shared_copy_heads; DELETE FROM shared_copy_texts; DELETE FROM shared_copy_sentences;", ct);
        InsertSentences(db, rows.Sentences, ct);
        InsertTexts(db, rows.Texts, ct);
        InsertHeads(db, heads, ct);
        // SQLite may sort for the index build on a helper thread per core (its default is none); set back after.
        var threads = "PRAGMA threads=" + Math.Min(Environment.ProcessorCount, 8).ToString(CultureInfo.InvariantCulture) + ";";
        await db.Database.ExecuteSqlRawAsync(threads, ct);
        try
        {
            await SchemaInitializer.CreateMissingIndexesAsync(db, ct);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA threads=0;", CancellationToken.None);
        }
        await SchemaInitializer.SetMetaAsync(db, VersionKey, stamp, ct);
        await SchemaInitializer.SetMetaAsync(db, HeadsVersionKey, stamp, ct);
    }

    /// <summary>The map on PostgreSQL: the sentences by COPY (binary), the texts as JSON arrays unpacked by the server.</summary>
    static async Task WritePostgresAsync(DashboardDb db, SharedCopyMapRows rows, IEnumerable<(int TextId, byte[] Rows)> heads, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM shared_copy_heads; DELETE FROM shared_copy_texts; DELETE FROM shared_copy_sentences;", ct);
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY shared_copy_sentences (\"SentenceId\", \"ArticleId\", \"Index\", \"TextId\", \"Copies\") FROM STDIN (FORMAT BINARY)", ct))
        {
            // An hour, not Npgsql's 30 s (zero made reads time out at once in Npgsql 10.0.0): a map of millions of rows is written in one COPY, and its end waits for the server to
            // finish; Npgsql's default of 30 s failed a 100,000-article ingest on a busy machine.
            import.Timeout = TimeSpan.FromHours(1);
            foreach (var r in rows.Sentences)
            {
                await import.StartRowAsync(ct);
                await import.WriteAsync(r.SentenceId, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                await import.WriteAsync(r.ArticleId, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                await import.WriteAsync(r.Index, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                await import.WriteAsync(r.Text, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                await import.WriteAsync(r.Copies, NpgsqlTypes.NpgsqlDbType.Integer, ct);
            }
            await import.CompleteAsync(ct);
        }
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY shared_copy_heads (\"TextId\", \"Rows\") FROM STDIN (FORMAT BINARY)", ct))
        {
            import.Timeout = TimeSpan.FromHours(1);
            foreach (var (text, head) in heads)
            {
                await import.StartRowAsync(ct);
                await import.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                await import.WriteAsync(head, NpgsqlTypes.NpgsqlDbType.Bytea, ct);
            }
            await import.CompleteAsync(ct);
        }
        foreach (var chunk in rows.TextChunks)
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO shared_copy_texts (\"TextId\", \"Matched\") SELECT CAST(value ->> 0 AS integer), value ->> 1 FROM json_array_elements(CAST({0} AS json))", [chunk], ct);
        }
    }

    /// <summary>
    /// The shared sentences, through prepared statements bound by position with SQLite's C API (1.95 M rows at 100,000
    /// articles: an ADO.NET command per row or JSON arrays unpacked by SQLite cost more per row).
    /// </summary>
    static void InsertSentences(DashboardDb db, IEnumerable<StoredCopy> sentences, CancellationToken ct)
    {
        using var insert = new GroupedInsert<StoredCopy>((SqliteConnection)db.Database.GetDbConnection(), "shared_copy_sentences",
            ["SentenceId", "ArticleId", "Index", "TextId", "Copies"], BindSentence);
        insert.InsertAll(sentences, ct);
    }

    /// <summary>
    /// The texts' lists of matches, the same way, one row made at a time: as JSON arrays of 20,000 texts (before) the
    /// lists of a 1,000,000-article corpus were gigabytes of strings held at once.
    /// </summary>
    static void InsertTexts(DashboardDb db, IEnumerable<(int TextId, string Matched)> texts, CancellationToken ct)
    {
        using var insert = new GroupedInsert<(int TextId, string Matched)>((SqliteConnection)db.Database.GetDbConnection(), "shared_copy_texts",
            ["TextId", "Matched"], BindText);
        insert.InsertAll(texts, ct);
    }

    /// <summary>The texts' heads (<see cref="SharedCopyHead"/>), the same way.</summary>
    static void InsertHeads(DashboardDb db, IEnumerable<(int TextId, byte[] Rows)> heads, CancellationToken ct)
    {
        using var insert = new GroupedInsert<(int TextId, byte[] Rows)>((SqliteConnection)db.Database.GetDbConnection(), "shared_copy_heads",
            ["TextId", "Rows"], BindHead);
        insert.InsertAll(heads, ct);
    }

    static int BindHead(in (int TextId, byte[] Rows) r, sqlite3_stmt statement, int first)
    {
        var rc = raw.sqlite3_bind_int64(statement, first, r.TextId);
        return rc != raw.SQLITE_OK ? rc : raw.sqlite3_bind_blob(statement, first + 1, r.Rows);
    }

    static int BindText(in (int TextId, string Matched) r, sqlite3_stmt statement, int first)
    {
        var rc = raw.sqlite3_bind_int64(statement, first, r.TextId);
        return rc != raw.SQLITE_OK ? rc : raw.sqlite3_bind_text(statement, first + 1, r.Matched);
    }

    static int BindSentence(in StoredCopy r, sqlite3_stmt statement, int first)
    {
        ReadOnlySpan<long> values = [r.SentenceId, r.ArticleId, r.Index, r.Text, r.Copies];
        for (var i = 0; i < values.Length; i++)
        {
            var rc = raw.sqlite3_bind_int64(statement, first + i, values[i]);
            if (rc != raw.SQLITE_OK) return rc;
        }
        return raw.SQLITE_OK;
    }

    /// <summary>Reads every sentence and detects shared copy (streamed: only each distinct text's shingles are kept).</summary>
    static async Task<SharedCopies> DetectAsync(DashboardDb db, CancellationToken ct)
    {
        var builder = new SharedCopyBuilder();
        // In id order on both providers (SQLite reads the table in that order anyway; a PostgreSQL scan need not).
        await foreach (var s in db.Sentences.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.ArticleId, s.Index, s.Article.Outlet.Name, s.Text }).AsAsyncEnumerable().WithCancellation(ct))
        {
            builder.Add(s.Id, s.ArticleId, s.Index, s.Name, s.Text);
        }
        return builder.Build();
    }

    /// <summary>The keys read together, from their constants, so that a new key is read where it is declared.</summary>
    const string MetaQuery = "SELECT key AS \"Key\", value AS \"Value\" FROM dashboard_meta WHERE key IN ('" +
        ContentVersion.Key + "', '" + VersionKey + "', '" + HeadsVersionKey + "', '" + StartedKey + "')";

    static async Task<Dictionary<string, string>> ReadMetaAsync(DashboardDb db, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<MetaValue>(MetaQuery).ToListAsync(ct)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);

    sealed class SentenceTotals
    {
        public int Count { get; set; }
        public long IdSum { get; set; }
    }

    sealed class MetaValue
    {
        public string Key { get; set; } = "";
        public string Value { get; set; } = "";
    }
}
