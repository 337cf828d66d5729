namespace AleppoDashboard.Ingest.Files;

/// <summary>
/// Names that editors, downloads and copy tools give a file while it is being written (and hidden files): never
/// an article, whatever their extension. An editor saves to a temporary name and renames it over the article; a
/// browser or rsync writes <c>x.part</c>/<c>.x.txt.Xy12</c> and renames at the end. The article is read under its
/// final name, once whole.
/// </summary>
public static class TemporaryFileNames
{
    static readonly string[] Suffixes = ["~", ".swp", ".swo", ".swx", ".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".bak"];

    public static bool IsTemporary(string fileName) =>
        fileName.StartsWith('.') // hidden: .#x.txt (Emacs lock), .x.txt.swp (Vim), .x.txt.AbC123 (rsync), .~lock.x# (LibreOffice)
        || fileName.StartsWith('#') && fileName.EndsWith('#') // Emacs auto-save
        || Suffixes.Any(s => fileName.EndsWith(s, StringComparison.OrdinalIgnoreCase));
}
