using System.Data.Common;
using System.Globalization;
using AleppoDashboard.Data.Filtering;
using Npgsql;

namespace AleppoDashboard.Data.Providers;

/// <summary>
/// The search syntax (<see cref="SearchQuery"/>: words, "phrases", prefix*, OR) as a PostgreSQL tsquery over the
/// sentences' search column (<see cref="Schema.PostgresSchema.SearchColumnSql"/>): a phrase is phraseto_tsquery (words
/// next to each other, in order, as FTS5's "a b"), a prefix is to_tsquery's :*, OR is ||, AND is &amp;&amp;. Every word
/// goes as a parameter, folded and split by the same dashboard_words as the indexed text; only operators are put into the SQL.
/// </summary>
public static class PostgresSearch
{
    /// <summary>A tsquery expression for <paramref name="query"/>; its parameters (named <paramref name="prefix"/>0, 1, ...) are added to <paramref name="parameters"/>.</summary>
    public static string TsQuery(SearchQuery query, List<DbParameter> parameters, string prefix = "ts")
    {
        if (query.Groups.Count == 0) throw new ArgumentException("The search has no terms; validate it with FilterParser first.", nameof(query));
        string Param(string value)
        {
            var name = "@" + prefix + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add(new NpgsqlParameter(name, value));
            return name;
        }
        string Term(SearchTerm term)
        {
            if (!term.Prefix) return $"phraseto_tsquery('simple', dashboard_words({Param(term.Words)}))";
            var split = term.Words.LastIndexOf(' ');
            var last = $"to_tsquery('simple', quote_literal(dashboard_words({Param(term.Words[(split + 1)..])})) || ':*')";
            return split < 0 ? last : $"tsquery_phrase(phraseto_tsquery('simple', dashboard_words({Param(term.Words[..split])})), {last})";
        }
        return string.Join(" && ", query.Groups.Select(g => "(" + string.Join(" || ", g.Select(Term)) + ")"));
    }
}
