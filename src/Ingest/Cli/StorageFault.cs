using Microsoft.Data.Sqlite;

namespace AleppoDashboard.Ingest.Cli;

/// <summary>
/// Turns the failures of the disk under the database (full, read-only, failing) into one line for the ingest
/// program, instead of a stack trace. SQLite rolls back the transaction of the batch that failed, so the
/// articles already stored stay whole and a later run loads the rest.
/// </summary>
public static class StorageFault
{
    const int SqliteIoError = 10, SqliteFull = 13, SqliteReadOnly = 8, SqliteCantOpen = 14;

    public static string? Describe(Exception e, string databasePath)
    {
        var file = Path.GetFullPath(databasePath);
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SqliteException { SqliteErrorCode: SqliteFull }:
                    return $"the disk holding the database '{file}' is full; the batch being written was rolled back, the articles stored before it are whole. Free space and run again: stored files are skipped.";
                case SqliteException { SqliteErrorCode: SqliteIoError or SqliteReadOnly or SqliteCantOpen } sqlite:
                    return $"could not write the database '{file}' ({OneLine(sqlite.Message)}); the batch being written was rolled back. Check the disk and run again.";
                case IOException io when io.HResult == 28 || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase):
                    return $"the disk is full ({OneLine(io.Message)}) while loading into '{file}'. Free space and run again.";
                case Data.Schema.DatabaseFileException damaged:
                    return damaged.Message;
            }
        }
        return null;
    }

    static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
