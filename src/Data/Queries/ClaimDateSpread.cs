namespace AleppoDashboard.Data.Queries;

/// <summary>A date on which several plottable claims were published: how many, by whom, and their spread.</summary>
public sealed record ClaimDateSpread(DateOnly Date, int Claims, IReadOnlyList<string> Outlets, double Min, double Max);
