using AleppoDashboard.Data.Filtering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace AleppoDashboard.Data.Views.Compare;

/// <summary>
/// The comparison page's own query parameters (the shared filter is read elsewhere):
/// <c>topic</c> = <c>places</c> | <c>claims</c> | <c>wire</c> and <c>term</c> = a lexicon group or term id.
/// Rows then are: one per filter place, the filter's search text, the term, the topic; with none of
/// these, the default view (places mentioned by at least two outlets, then control claims).
/// </summary>
public sealed record CompareSelection(string? Topic, string? Term)
{
    public static readonly string[] Topics = ["places", "claims", "wire"];

    /// <summary>Parses <c>topic</c> and <c>term</c>; the error is one line, for a 400.</summary>
    public static (CompareSelection Selection, string? Error) Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        string? topic = null, term = null;
        foreach (var (key, values) in query)
        {
            var distinct = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim().ToLowerInvariant()).Distinct().ToList();
            if (distinct.Count == 0) continue;
            if (key.Equals("topic", StringComparison.OrdinalIgnoreCase))
            {
                if (distinct.Count > 1 || !Topics.Contains(distinct[0]))
                {
                    return (new(null, null), $"'topic' must be one of {string.Join(", ", Topics)}; got '{FilterParser.Shorten(string.Join(",", distinct))}'.");
                }
                topic = distinct[0];
            }
            else if (key.Equals("term", StringComparison.OrdinalIgnoreCase))
            {
                if (distinct.Count > 1)
                {
                    return (new(null, null), "'term' was given more than once; give one lexicon group or term id.");
                }
                term = distinct[0];
            }
        }
        return (new(topic, term), null);
    }

    /// <summary>Checks <see cref="Term"/> against the lexicon; null when fine.</summary>
    public async Task<string?> UnknownTermAsync(DashboardDb db, CancellationToken ct)
    {
        if (Term is null) return null;
        var term = Term;
        var known = await db.FramingTerms.AsNoTracking().AnyAsync(t => t.Id == term || t.Group == term, ct);
        return known ? null : $"'term' must be a framing lexicon group (such as 'fighters') or term id (such as 'rebels'); there is none called '{FilterParser.Shorten(term)}'.";
    }
}
