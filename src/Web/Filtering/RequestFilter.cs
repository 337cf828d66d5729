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
    FilterParseResult? resolved;

    public async Task<FilterParseResult> ResolveAsync(CancellationToken ct = default)
    {
        if (resolved is not null)
        {
            return resolved;
        }
        var query = http.HttpContext?.Request.Query ?? throw new InvalidOperationException("No current request.");
        var parsed = FilterParser.Parse(query);
        var unknown = parsed.IsValid ? await FilterValidator.UnknownValuesAsync(db, parsed.Filter, ct) : [];
        resolved = unknown.Count > 0 ? parsed with { Errors = unknown }
            : parsed.IsValid ? parsed with { Filter = await searches.WithMatchesAsync(db, parsed.Filter, ct) }
            : parsed;
        return resolved;
    }

    /// <summary>The 400 response an export or API gives for a bad filter: the reasons as plain text, one per line.</summary>
    public static IResult BadRequest(IEnumerable<string> errors) =>
        Results.Text("Bad request: " + string.Join(Environment.NewLine, errors) + Environment.NewLine, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
