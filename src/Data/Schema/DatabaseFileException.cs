namespace AleppoDashboard.Data.Schema;

/// <summary>
/// The database file cannot be used as it is (damaged, not SQLite, another application's, or from a newer version).
/// The message is one line that names the file; the programs print it and stop without writing to the file.
/// </summary>
public sealed class DatabaseFileException(string message) : Exception(message);
