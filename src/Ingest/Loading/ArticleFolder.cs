using AleppoDashboard.Ingest.Files;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>A folder to ingest: its article files in name order, its manifest, and the manifest's problems.</summary>
internal static class ArticleFolder
{
    /// <summary>
    /// The article files (<see cref="IsArticleFile"/>) in ordinal name order, the manifest rows by file, and every
    /// problem with the manifest: its own, and each row that names a file the folder does not have.
    /// </summary>
    /// <param name="include">When given, only the files it accepts are returned (the watcher passes the files that have
    /// stopped changing); the manifest's rows are still checked against every file.</param>
    public static (List<string> Files, IReadOnlyDictionary<string, ManifestRow> Manifest, List<string> Problems) Read(string folder, Func<string, bool>? include = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The article folder '{folder}' does not exist.");
        }
        var (manifest, manifestProblems) = ManifestReader.Read(folder);
        var files = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(IsArticleFile).Order(StringComparer.Ordinal).ToList();
        var problems = manifestProblems.ToList();
        var present = files.Select(ManifestReader.KeyOf).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(manifest.Values.Where(r => !present.Contains(r.File))
            .Select(r => $"{ManifestReader.FileName} line {r.Line}: '{r.File}' is listed but there is no such file in the folder."));
        return (include is null ? files : files.Where(include).ToList(), manifest, problems);
    }

    /// <summary>
    /// An input file: a name with an extension <see cref="InputReader"/> reads, in any case (REPORT.TXT too); a name
    /// that is being written (<see cref="TemporaryFileNames"/>) is none.
    /// </summary>
    public static bool IsArticleFile(string fileName) => InputReader.IsInputFile(fileName) && !TemporaryFileNames.IsTemporary(fileName);
}
