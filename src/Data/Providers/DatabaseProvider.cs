namespace AleppoDashboard.Data.Providers;

/// <summary>Which database server holds the corpus: the embedded SQLite file (the default) or a PostgreSQL server.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The database a program opens, from the configuration keys shared by the web app and the ingest CLI:
/// <c>Database:Provider</c> (sqlite | postgres), <c>Database:Path</c> (the SQLite file) and
/// <c>Database:ConnectionString</c> (PostgreSQL; also <c>Database__ConnectionString</c> in the environment).
/// The connection string holds a password: <see cref="ToString"/> leaves it out, and nothing logs it.
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string? SqlitePath, string? ConnectionString)
{
    public static DatabaseTarget Sqlite(string path) => new(DatabaseProvider.Sqlite, path, null);

    public static DatabaseTarget Postgres(string connectionString) => new(DatabaseProvider.Postgres, null, connectionString);

    /// <summary>
    /// Reads the provider's name; null and empty mean SQLite. Returns null with a one-line reason for anything else,
    /// or when PostgreSQL is chosen without a connection string.
    /// </summary>
    public static DatabaseTarget? From(string? provider, string? sqlitePath, string? connectionString, out string? reason)
    {
        reason = null;
        switch (provider?.Trim().ToLowerInvariant())
        {
            case null or "" or "sqlite":
                if (string.IsNullOrWhiteSpace(sqlitePath))
                {
                    reason = "Database:Path (the SQLite file) is not set.";
                    return null;
                }
                return Sqlite(sqlitePath);
            case "postgres" or "postgresql" or "npgsql":
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    reason = "Database:Provider is postgres but Database:ConnectionString (Database__ConnectionString) is not set.";
                    return null;
                }
                return Postgres(connectionString);
            default:
                reason = "Database:Provider must be 'sqlite' or 'postgres'.";
                return null;
        }
    }

    /// <summary>Says where the data is without the connection string's secrets (host, port and database only).</summary>
    public override string ToString() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite file {SqlitePath}"
        : $"PostgreSQL {PostgresConnection.Describe(ConnectionString!)}";
}
