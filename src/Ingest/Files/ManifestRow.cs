namespace AleppoDashboard.Ingest.Files;

/// <summary>A row of manifest.csv: <c>file,outlet,url,published,notes</c>; every column but file may be empty.</summary>
public sealed record ManifestRow(string File, string? Outlet, string? Url, string? Published, string? Notes, long Line)
{
    /// <summary>The optional <c>language</c> column: a language tag (<c>en</c>, <c>ar</c>).</summary>
    public string? Language { get; init; }
}
