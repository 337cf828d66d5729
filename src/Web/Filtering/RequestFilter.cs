using AleppoDashboard.Data;
using AleppoDashboard.Data.Filtering;

namespace AleppoDashboard.Web.Filtering;

/// <summary>
/// The current request's <see cref="DashboardFilter"/>: parsed from the query string once (by
/// <see cref="FilterParser"/>) and checked against the database. Pages, the filter bar and exports all ask here.
/// A valid filter with a search comes with its <see cref="DashboardFilter.Matches"/> (from <see cref="SearchMatchCache"/>),
/// so the request's queries select the matched articles instead of each evaluating the full-text match.
/// </summary>
public sealed class RequestFilter(IHttpContextAccessor http, DashboardDb db, SearchMatchCache searches)
{
    Task<FilterParseResult>? resolving;

    /// <summary>
    /// The filter, resolved once per request. The layout and the page ask at the same time (Blazor renders both while
    /// each awaits), so they share one resolution instead of both reading through this request's context at once
    /// (which a PostgreSQL connection does not allow).
    /// </summary>
    public Task<FilterParseResult> ResolveAsync(CancellationToken ct = default) => resolving ??= ResolveOnceAsync(ct);

    async Task<FilterParseResult> ResolveOnceAsync(CancellationToken ct)
    {
        var query = http.HttpContext?.Request.Query ?? throw new InvalidOperationException("No current request.");
        var parsed = FilterParser.Parse(query);
        var unknown = parsed.IsValid ? await FilterValidator.UnknownValuesAsync(db, parsed.Filter, ct) : [];
        return unknown.Count > 0 ? parsed with { Errors = unknown }
            : parsed.IsValid ? parsed with { Filter = await searches.WithMatchesAsync(db, parsed.Filter, ct) }
            : parsed;
    }

    /// <summary>The 400 response an export or API gives for a bad filter: the reasons as plain text, one per line.</summary>
    public static IResult BadRequest(IEnumerable<string> errors) =>
        Results.Text("Bad request: " + string.Join(Environment.NewLine, errors) + Environment.NewLine, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
