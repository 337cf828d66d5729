using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Schema;

/// <summary>
/// A counter in dashboard_meta that every write of articles, sentences, facts or reference rows raises inside
/// its own transaction. Readers compare it to tell whether something cached from the database is still current
/// (one primary-key read instead of a scan of the data).
/// </summary>
public static class ContentVersion
{
    public const string Key = "content_version";

    const string BumpSql =
        "INSERT INTO dashboard_meta (key, value) VALUES ('content_version', '1') " +
        "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1";

    const string PostgresBumpSql =
        "INSERT INTO dashboard_meta (key, value) VALUES ('content_version', '1') " +
        "ON CONFLICT(key) DO UPDATE SET value = (CAST(dashboard_meta.value AS bigint) + 1)::text";

    /// <summary>Raises the counter; call inside the transaction that changes the data.</summary>
    public static Task BumpAsync(DashboardDb db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(db.IsPostgres() ? PostgresBumpSql : BumpSql, ct);

    /// <summary>The current value (0 before the first write).</summary>
    public static async Task<long> ReadAsync(DashboardDb db, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<long>(
            "SELECT CAST(value AS BIGINT) AS \"Value\" FROM dashboard_meta WHERE key = 'content_version'").ToListAsync(ct))
        .FirstOrDefault();
}
