namespace AleppoDashboard.Ingest.Loading;

public enum FileStatus
{
    Added,
    Updated,
    Unchanged,
    Rejected,
}

/// <summary>What happened to one file: its status, and a one-line reason or the warnings kept with it.</summary>
public sealed record FileOutcome(string File, FileStatus Status, IReadOnlyList<string> Messages)
{
    public override string ToString() =>
        $"{Status.ToString().ToLowerInvariant(),-9} {File}" + (Messages.Count > 0 ? ": " + string.Join(" ", Messages) : "");
}
