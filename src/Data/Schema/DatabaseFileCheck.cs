using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace AleppoDashboard.Data.Schema;

/// <summary>
/// Looks at an existing database file before anything writes to it: <see cref="SchemaInitializer"/> would otherwise
/// switch a damaged or foreign file to WAL, add its own tables to another application's database, or write an older
/// schema version over a newer one. Reads only (the header bytes, then a read-only connection), so a refused file is
/// left byte for byte as it was.
/// </summary>
public static class DatabaseFileCheck
{
    static readonly byte[] Magic = "SQLite format 3\0"u8.ToArray();

    /// <summary>Throws <see cref="DatabaseFileException"/> when the file at <paramref name="path"/> must not be opened for writing.</summary>
    public static void Check(string path, int knownVersion)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0) return; // a new database
        var header = new byte[100];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        if (read < header.Length || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw Refuse(path, $"is not a SQLite database ({file.Length:N0} bytes without the SQLite header)");
        }
        CheckSize(path, file.Length, header);
        var tables = ReadOnly(path, connection => Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"));
        if (tables.Count == 0) return; // SQLite's header only: nothing stored yet
        if (!tables.Contains("articles") && !tables.Contains("schema_info"))
        {
            var shown = string.Join(", ", tables.Order(StringComparer.Ordinal).Take(5)) + (tables.Count > 5 ? ", ..." : "");
            throw Refuse(path, $"is the database of another application (tables: {shown}), not an AleppoDashboard database");
        }
        if (tables.Contains("schema_info"))
        {
            var versions = ReadOnly(path, connection => Strings(connection, "SELECT CAST(version AS TEXT) FROM schema_info"));
            if (versions.Select(v => int.TryParse(v, out var n) ? n : int.MaxValue).DefaultIfEmpty(0).Max() is var version && version > knownVersion)
            {
                throw Refuse(path, $"was written by a newer version of AleppoDashboard (schema version {version}; this version knows up to {knownVersion}): run the newer version or restore a backup");
            }
        }
    }

    /// <summary>
    /// A file shorter than the page count its header gives was cut (a partial copy, a full disk during a copy). Only
    /// checked when no write-ahead log is beside it: a checkpoint cut short writes page 1 (with the new count) before the
    /// rest, and SQLite recovers from the log, so such a file is not damaged.
    /// </summary>
    static void CheckSize(string path, long length, byte[] header)
    {
        var wal = new FileInfo(path + "-wal");
        if (wal.Exists && wal.Length > 0) return;
        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(16)) is var p && p == 1 ? 65536 : p;
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(28));
        // The page count is valid only when the "version-valid-for" number equals the change counter (file format spec 1.3.7).
        var countValid = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(92)) == BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(24));
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        {
            throw Refuse(path, $"is damaged (its header gives a page size of {pageSize})");
        }
        if (length % pageSize != 0 || countValid && length < (long)pages * pageSize)
        {
            throw Refuse(path, $"is damaged: cut short ({length:N0} bytes, its header says {(long)pages * pageSize:N0})");
        }
    }

    static T ReadOnly<T>(string path, Func<SqliteConnection, T> read)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            return read(connection);
        }
        catch (SqliteException e)
        {
            throw Refuse(path, $"is damaged or not a SQLite database (SQLite: {OneLine(e.Message)})");
        }
    }

    static HashSet<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read()) values.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        return values;
    }

    static DatabaseFileException Refuse(string path, string why) =>
        new($"the database file '{Path.GetFullPath(path)}' {why}; it was not opened for writing and is left unchanged.");

    static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Replace("SQLite Error ", "", StringComparison.Ordinal);
}
