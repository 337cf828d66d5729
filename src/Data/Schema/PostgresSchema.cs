using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AleppoDashboard.Data.Schema;

/// <summary>
/// <see cref="SchemaInitializer"/> on a PostgreSQL server: the same tables and indexes, from the same EF model (its
/// create script for Npgsql, made idempotent), and the same rule for upgrades (stable tables kept, derived tables
/// rebuilt). What the model cannot say is added here: the full-text column of sentences (a generated tsvector with a
/// GIN index, in place of SQLite's FTS5 table) and the function that folds diacritics for it. All in one transaction
/// under an advisory lock, so that several web instances and an ingest worker starting together do not race.
/// A database already at <see cref="SchemaInitializer.CurrentVersion"/> is only read, so the web app may open it under
/// a read-only role.
/// </summary>
public static class PostgresSchema
{
    /// <summary>Any constant shared by every process that creates or upgrades the schema.</summary>
    const long SchemaLock = 0x416C6570706F;

    /// <summary>
    /// The text the search column indexes, and that every search folds the same way: lower case without diacritics.
    /// unaccent (a contrib extension Debian's postgresql ships) when it can be created, else lower case only.
    /// IMMUTABLE so that a generated column may use it (unaccent itself is only STABLE: it reads its dictionary).
    /// </summary>
    const string FoldWithUnaccent = """
        CREATE OR REPLACE FUNCTION dashboard_fold(t text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $$
        """;

    const string FoldLowerOnly = """
        CREATE OR REPLACE FUNCTION dashboard_fold(t text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT lower(t) $$
        """;

    /// <summary>
    /// The folded text with every ASCII character that is neither a letter nor a digit made a space, before
    /// to_tsvector reads it. FTS5's unicode61 splits words there; PostgreSQL's parser does not: it drops what looks
    /// like a tag (<c>&lt;script&gt;</c>), keeps <c>DateTime.Now</c>, a host, a file path or <c>3.5</c> as one token,
    /// and gives <c>al-Bab</c> three tokens (which put a phrase across it out of step). With the punctuation gone
    /// both providers find the same words (the query's words are letters and digits already: SearchQuery).
    /// The 32 ASCII punctuation characters are the four ranges of the bracket expression (code points, the same in every
    /// locale), each replaced by one space, as translate() with the list of them did. translate() compares each
    /// character with the whole list: at 100,000 articles it cost the server 80 s of its COPY of 2.1 M sentences, the
    /// regular expression about a tenth of that (benchmarks/PERFORMANCE.md, 2026-12-07 evening; the two give the same
    /// text for every stored sentence of that corpus, and PostgresSearchWordsFunctionTests checks every ASCII character).
    /// Non-ASCII punctuation (« » — ، …) already separates words under the database's UTF-8 character classes.
    /// </summary>
    const string WordsFunction = """
        CREATE OR REPLACE FUNCTION dashboard_words(t text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT regexp_replace(dashboard_fold(t), '[!-/:-@[-`{-~]', ' ', 'g') $$
        """;

    /// <summary>The function the search column and every query fold and split their words with.</summary>
    public const string Words = "dashboard_words";

    /// <summary>
    /// The 'simple' configuration: words as written (folded), no stemming and no stop words, as FTS5's unicode61 does,
    /// so a search finds the same sentences on both providers. Like the FTS5 index, a sentence with Arabic is indexed by
    /// its folded SearchText, any other by its text.
    /// </summary>
    public const string SearchColumnSql = """
        ALTER TABLE sentences ADD COLUMN IF NOT EXISTS search tsvector
            GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, dashboard_words(COALESCE("SearchText", "Text")))) STORED;
        CREATE INDEX IF NOT EXISTS "IX_sentences_search" ON sentences USING GIN (search);
        """;

    /// <summary>The search column's expression mentions dashboard_words (else it is an older column, made again).</summary>
    const string SearchColumnCurrentSql = """
        SELECT COALESCE((SELECT pg_get_expr(d.adbin, d.adrelid) LIKE '%dashboard_words%'
                         FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
                         WHERE d.adrelid = to_regclass('sentences') AND a.attname = 'search'), false) AS "Value"
        """;

    public static async Task<bool> InitializeAsync(DashboardDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (await IsCurrentAsync(db, ct)) return false;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({SchemaLock});", ct);
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TABLE IF NOT EXISTS schema_info (version integer NOT NULL);" +
                "CREATE TABLE IF NOT EXISTS dashboard_meta (key text COLLATE \"C\" PRIMARY KEY, value text NOT NULL);", ct);
            var version = await db.Database.SqlQueryRaw<int>("SELECT version AS \"Value\" FROM schema_info LIMIT 1").ToListAsync(ct);
            var hasArticles = (await db.Database.SqlQueryRaw<bool>("SELECT to_regclass('articles') IS NOT NULL AS \"Value\"").ToListAsync(ct))[0];
            var rebuild = hasArticles && (version.Count == 0 || version[0] < SchemaInitializer.CurrentVersion);
            if (rebuild)
            {
                foreach (var table in SchemaInitializer.DerivedTables.Where(t => t != "sentence_fts"))
                {
                    // Table names come from the constant list, never from input.
                    var drop = "DROP TABLE IF EXISTS \"" + table + "\" CASCADE;";
                    await db.Database.ExecuteSqlRawAsync(drop, ct);
                }
            }
            foreach (var statement in SchemaInitializer.CreateIfMissingStatements(db))
            {
                await db.Database.ExecuteSqlRawAsync(statement, ct);
            }
            foreach (var (table, column, definition) in SchemaInitializer.AddedColumns)
            {
                // Names and definitions come from the constant list, never from input.
                var alter = "ALTER TABLE \"" + table + "\" ADD COLUMN IF NOT EXISTS \"" + column + "\" " + definition + ";";
                await db.Database.ExecuteSqlRawAsync(alter, ct);
            }
            await CreateFoldFunctionAsync(db, ct);
            // A column generated by an older expression (before dashboard_words) is made again from the stored text.
            if (!(await db.Database.SqlQueryRaw<bool>(SearchColumnCurrentSql).ToListAsync(ct))[0])
            {
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE sentences DROP COLUMN IF EXISTS search;", ct);
                // Through the connection: EF's raw SQL would read the braces of the character list as placeholders.
                await using var create = db.Database.GetDbConnection().CreateCommand();
                create.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
                create.CommandText = WordsFunction;
                await create.ExecuteNonQueryAsync(ct);
            }
            await db.Database.ExecuteSqlRawAsync(SearchColumnSql, ct);
            if (rebuild) await ContentVersion.BumpAsync(db, ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM schema_info;", ct);
            await db.Database.ExecuteSqlAsync($"INSERT INTO schema_info (version) VALUES ({SchemaInitializer.CurrentVersion});", ct);
            await tx.CommitAsync(ct);
            return rebuild;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The schema is at the current version and has its search column: nothing to write.</summary>
    static async Task<bool> IsCurrentAsync(DashboardDb db, CancellationToken ct)
    {
        var ready = await db.Database.SqlQueryRaw<bool>("""
            SELECT to_regclass('schema_info') IS NOT NULL AND to_regclass('dashboard_meta') IS NOT NULL AS "Value"
            """).ToListAsync(ct);
        if (!ready[0]) return false;
        // A bulk load drops the search index until its end (PostgresBulkLoad): the schema is current meanwhile, and a
        // load that died is restored by the ingest's next open (Corpus.OpenAsync), not by a web instance starting.
        var indexed = await db.Database.SqlQueryRaw<bool>($"""
            SELECT to_regclass('"IX_sentences_search"') IS NOT NULL
                OR EXISTS (SELECT 1 FROM dashboard_meta WHERE key = '{PostgresBulkLoad.PendingKey}') AS "Value"
            """).ToListAsync(ct);
        if (!indexed[0] || !(await db.Database.SqlQueryRaw<bool>(SearchColumnCurrentSql).ToListAsync(ct))[0]) return false;
        var version = await db.Database.SqlQueryRaw<int>("SELECT version AS \"Value\" FROM schema_info LIMIT 1").ToListAsync(ct);
        return version.Count == 1 && version[0] == SchemaInitializer.CurrentVersion;
    }

    /// <summary>
    /// dashboard_fold with unaccent if this role may create the extension (a savepoint keeps the transaction if not).
    /// </summary>
    static async Task CreateFoldFunctionAsync(DashboardDb db, CancellationToken ct)
    {
        var exists = await db.Database.SqlQueryRaw<bool>(
            "SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'dashboard_fold') AS \"Value\"").ToListAsync(ct);
        // Replacing the function under an existing generated column would leave stored values folded the old way.
        if (exists[0]) return;
        if (await TryAsync(db, "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;", ct))
        {
            // Not unaccent's C function declared IMMUTABLE, though the server would then inline the search column's
            // expression: a dump would then need a superuser to restore, and teams restore as the database's owner.
            await db.Database.ExecuteSqlRawAsync(FoldWithUnaccent, ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(FoldLowerOnly, ct);
        }
    }

    /// <summary>Runs <paramref name="sql"/> under a savepoint; false, with the transaction as it was, if the server refused it.</summary>
    static async Task<bool> TryAsync(DashboardDb db, string sql, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("SAVEPOINT fold;", ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct);
            await db.Database.ExecuteSqlRawAsync("RELEASE SAVEPOINT fold;", ct);
            return true;
        }
        catch (Npgsql.PostgresException)
        {
            await db.Database.ExecuteSqlRawAsync("ROLLBACK TO SAVEPOINT fold;", ct);
            return false;
        }
    }
}
