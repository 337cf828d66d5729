namespace AleppoDashboard.Data.Reference;

/// <summary>A reference file is missing or has a malformed row; the message names the file and line.</summary>
public sealed class ReferenceDataException(string message) : Exception(message);
