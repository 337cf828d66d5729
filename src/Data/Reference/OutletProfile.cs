namespace AleppoDashboard.Data.Reference;

/// <summary>
/// A row of Reference/outlets.csv: what the project knows about an outlet, how to recognise its datelines, and the web
/// domains it publishes on (<c>tasnimnews.com</c> also matches <c>www.tasnimnews.com</c> and <c>en.tasnimnews.com</c>).
/// </summary>
public sealed record OutletProfile(string Slug, string Name, IReadOnlyList<string> Aliases, string Description, IReadOnlyList<string> DatelinePatterns)
{
    public IReadOnlyList<string> Domains { get; init; } = [];
}
