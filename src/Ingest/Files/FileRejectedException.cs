namespace AleppoDashboard.Ingest.Files;

/// <summary>A file that cannot be loaded; the message is the one-line reason shown to the user.</summary>
public sealed class FileRejectedException(string reason) : Exception(reason);
