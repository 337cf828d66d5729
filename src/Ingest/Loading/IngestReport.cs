using AleppoDashboard.Data.SharedCopyDetection;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// The result of one ingest run: an outcome per file, problems with the manifest itself, and the shared-copy detection
/// run after the load (null when the stored map was already current: nothing changed).
/// </summary>
public sealed record IngestReport(IReadOnlyList<FileOutcome> Files, IReadOnlyList<string> ManifestProblems, SharedCopyUpdate? SharedCopy = null)
{
    public int Count(FileStatus status) => Files.Count(f => f.Status == status);

    public bool AnyRejected => Count(FileStatus.Rejected) > 0;

    public string Summary =>
        $"{Count(FileStatus.Added)} added, {Count(FileStatus.Updated)} updated, {Count(FileStatus.Unchanged)} unchanged, {Count(FileStatus.Rejected)} rejected";
}
