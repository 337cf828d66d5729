namespace AleppoDashboard.Ingest.Loading;

/// <summary>How far a run has got, reported every few hundred files.</summary>
public sealed record IngestProgress(int Done, int Total, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{Done}/{Total} files ({Done / Math.Max(Elapsed.TotalSeconds, 0.001):0} files/s)";
}
