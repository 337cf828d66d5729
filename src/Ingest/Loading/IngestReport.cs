namespace AleppoDashboard.Ingest.Loading;

/// <summary>The result of one ingest run: an outcome per file, and problems with the manifest itself.</summary>
public sealed record IngestReport(IReadOnlyList<FileOutcome> Files, IReadOnlyList<string> ManifestProblems)
{
    public int Count(FileStatus status) => Files.Count(f => f.Status == status);

    public bool AnyRejected => Count(FileStatus.Rejected) > 0;

    public string Summary =>
        $"{Count(FileStatus.Added)} added, {Count(FileStatus.Updated)} updated, {Count(FileStatus.Unchanged)} unchanged, {Count(FileStatus.Rejected)} rejected";
}
