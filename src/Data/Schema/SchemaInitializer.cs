using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Schema;

/// <summary>
/// Creates or upgrades the database without EF migrations (the design-time tools are absent here).
/// Articles and outlets are the stable tables and are never dropped; every other table is derived
/// from article text and reference files, so an older schema version drops and recreates those
/// tables and reports that the derived data must be rebuilt.
/// </summary>
public static partial class SchemaInitializer
{
    /// <summary>Bump when any derived table changes shape.</summary>
    public const int CurrentVersion = 4;

    internal static readonly string[] DerivedTables =
    [
        "shared_copy_heads", "shared_copy_sentences", "shared_copy_texts", "framing_term_hits", "source_attributions", "control_claims", "place_mentions",
        "sentence_fts", "sentences", "framing_terms", "places",
    ];

    /// <summary>Returns true when derived data (sentences, facts) must be rebuilt from the stored articles.</summary>
    public static async Task<bool> InitializeAsync(DashboardDb db, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql()) return await PostgresSchema.InitializeAsync(db, ct);
        // Before the first write: a damaged, foreign or newer file is refused, never changed.
        if (db.Database.GetDbConnection().DataSource is { Length: > 0 } path && path != ":memory:")
        {
            DatabaseFileCheck.Check(path, CurrentVersion);
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // Pages of 16 KiB instead of SQLite's 4 KiB: a new database only (SQLite ignores it once the file has
            // tables). A quarter of the reads and writes of pages: a faster load and a smaller file
            // (benchmarks/PERFORMANCE.md, round 5).
            await db.Database.ExecuteSqlRawAsync("PRAGMA page_size=16384;", ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL);", ct);
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TABLE IF NOT EXISTS dashboard_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);", ct);
            var version = await db.Database
                .SqlQueryRaw<int>("SELECT version AS Value FROM schema_info LIMIT 1").ToListAsync(ct);
            var hasArticles = await TableExistsAsync(db, "articles", ct);
            var rebuild = hasArticles && (version.Count == 0 || version[0] < CurrentVersion);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (rebuild)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys=ON;", ct);
                foreach (var table in DerivedTables)
                {
                    // Table names come from the constant list above, never from input.
                    var drop = "DROP TABLE IF EXISTS \"" + table + "\";";
                    await db.Database.ExecuteSqlRawAsync(drop, ct);
                }
                // The view the full-text index reads (SentenceSearchIndex.CreateSql makes it again, as this version defines it).
                await db.Database.ExecuteSqlRawAsync("DROP VIEW IF EXISTS sentence_search;", ct);
            }
            foreach (var statement in CreateIfMissingStatements(db))
            {
                await db.Database.ExecuteSqlRawAsync(statement, ct);
            }
            await AddMissingColumnsAsync(db, ct);
            await db.Database.ExecuteSqlRawAsync(SentenceSearchIndex.CreateSql, ct);
            // A bulk load killed before its end left sentences the full-text index does not hold yet.
            await SentenceSearchIndex.CatchUpAsync(db, ct);
            if (rebuild)
            {
                await ContentVersion.BumpAsync(db, ct);
            }
            await db.Database.ExecuteSqlRawAsync("DELETE FROM schema_info;", ct);
            await db.Database.ExecuteSqlAsync($"INSERT INTO schema_info (version) VALUES ({CurrentVersion});", ct);
            await tx.CommitAsync(ct);
            return rebuild;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A value kept in the dashboard_meta table (e.g. the hash of the reference files last applied).</summary>
    public static async Task<string?> GetMetaAsync(DashboardDb db, string key, CancellationToken ct) =>
        (await db.Database.SqlQuery<string>($@"SELECT value AS ""Value"" FROM dashboard_meta WHERE key = {key}").ToListAsync(ct)).FirstOrDefault();

    public static Task SetMetaAsync(DashboardDb db, string key, string value, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO dashboard_meta (key, value) VALUES ({key}, {value}) ON CONFLICT(key) DO UPDATE SET value = excluded.value", ct);

    /// <summary>Whether the database is on a PostgreSQL server (else the SQLite file).</summary>
    public static bool IsPostgres(this DashboardDb db) => db.Database.IsNpgsql();

    /// <summary>
    /// Drops the non-unique indexes of the model (a bulk load into an empty database creates them once at the end
    /// with <see cref="CreateMissingIndexesAsync"/>: building an index from the whole table costs a fraction of keeping
    /// it up to date row by row). Unique indexes stay. If the load never gets to the end (the process is killed),
    /// <see cref="InitializeAsync"/> creates the missing indexes when the database is next opened.
    /// </summary>
    public static async Task DropSecondaryIndexesAsync(DashboardDb db, CancellationToken ct)
    {
        var names = CreateIfMissingStatements(db).Select(s => SecondaryIndex().Match(s)).Where(m => m.Success).Select(m => m.Groups["name"].Value);
        if (db.IsPostgres())
        {
            // Also the search index and the foreign keys, restored by CreateMissingIndexesAsync (PostgresBulkLoad).
            await PostgresBulkLoad.DropAsync(db, names, ct);
            return;
        }
        foreach (var name in names)
        {
            // Index names come from the EF model, never from input.
            var drop = "DROP INDEX IF EXISTS \"" + name + "\";";
            await db.Database.ExecuteSqlRawAsync(drop, ct);
        }
    }

    /// <summary>Creates every index of the model that is missing (all of them after <see cref="DropSecondaryIndexesAsync"/>).</summary>
    public static async Task CreateMissingIndexesAsync(DashboardDb db, CancellationToken ct)
    {
        if (db.IsPostgres())
        {
            await PostgresBulkLoad.RestoreAsync(db, ct);
            return;
        }
        foreach (var statement in CreateIfMissingStatements(db).Where(s => s.StartsWith("CREATE INDEX", StringComparison.Ordinal) || s.StartsWith("CREATE UNIQUE INDEX", StringComparison.Ordinal)))
        {
            await db.Database.ExecuteSqlRawAsync(statement, ct);
        }
    }

    /// <summary>
    /// Columns added to the stable tables since their first version, each with the SQL that adds it to an older file.
    /// The stable tables are never dropped, so a new column is added in place; existing rows get the default.
    /// </summary>
    internal static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("articles", "Language", "TEXT NULL"),
        ("articles", "LanguageOrigin", "INTEGER NOT NULL DEFAULT 0"),
    ];

    static async Task AddMissingColumnsAsync(DashboardDb db, CancellationToken ct)
    {
        foreach (var (table, column, definition) in AddedColumns)
        {
            var present = await db.Database.SqlQueryRaw<int>(
                "SELECT COUNT(*) AS Value FROM pragma_table_info({0}) WHERE name = {1}", table, column).ToListAsync(ct);
            if (present[0] > 0) continue;
            // Names and definitions come from the constant list above, never from input.
            var alter = "ALTER TABLE \"" + table + "\" ADD COLUMN \"" + column + "\" " + definition + ";";
            await db.Database.ExecuteSqlRawAsync(alter, ct);
        }
    }

    static async Task<bool> TableExistsAsync(DashboardDb db, string table, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS Value FROM sqlite_master WHERE type='table' AND name={0}", table).ToListAsync(ct))[0] > 0;

    /// <summary>EF's create script, made idempotent so it only adds what is missing.</summary>
    internal static IEnumerable<string> CreateIfMissingStatements(DashboardDb db)
    {
        var script = db.Database.GenerateCreateScript();
        foreach (var raw in script.Split(";", StringSplitOptions.RemoveEmptyEntries))
        {
            var statement = raw.Trim();
            if (statement.Length == 0 || statement.StartsWith("--", StringComparison.Ordinal) && !statement.Contains("CREATE"))
            {
                continue;
            }
            yield return CreatePattern().Replace(statement, m => m.Value + " IF NOT EXISTS") + ";";
        }
    }

    [GeneratedRegex("^CREATE INDEX IF NOT EXISTS \"(?<name>[^\"]+)\"")]
    private static partial Regex SecondaryIndex();

    [GeneratedRegex(@"CREATE (UNIQUE )?(TABLE|INDEX)")]
    private static partial Regex CreatePattern();
}
