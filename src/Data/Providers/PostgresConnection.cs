using Npgsql;

namespace AleppoDashboard.Data.Providers;

/// <summary>PostgreSQL connection strings: described without secrets, checked without echoing them.</summary>
public static class PostgresConnection
{
    /// <summary>"host:port/database" for logs and messages; never the user's password.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{b.Host}:{b.Port}/{b.Database}";
        }
        catch (ArgumentException)
        {
            // The parser's message quotes the bad part of the string, which may be the password: say nothing of it.
            return "(a connection string that cannot be read)";
        }
    }

    /// <summary>Null when the string parses; else a one-line reason that does not quote it.</summary>
    public static string? Problem(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException)
        {
            return "Database:ConnectionString is not a valid PostgreSQL connection string (Host=...;Database=...;Username=...;Password=...).";
        }
    }
}
