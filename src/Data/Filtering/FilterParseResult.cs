namespace AleppoDashboard.Data.Filtering;

/// <summary>A parsed filter, or the reasons the query string was rejected (one line each).</summary>
public sealed record FilterParseResult(DashboardFilter Filter, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
