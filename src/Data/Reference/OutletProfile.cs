namespace AleppoDashboard.Data.Reference;

/// <summary>A row of Reference/outlets.csv: what the project knows about an outlet, and how to recognise its datelines.</summary>
public sealed record OutletProfile(string Slug, string Name, IReadOnlyList<string> Aliases, string Description, IReadOnlyList<string> DatelinePatterns);
