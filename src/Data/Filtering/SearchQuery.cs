using System.Text;
using AleppoDashboard.Data.Text;

namespace AleppoDashboard.Data.Filtering;

/// <summary>
/// Turns what a reader typed into a safe SQLite FTS5 MATCH expression. Supported: words (all must
/// occur), "quoted phrases", prefix* and OR between terms. Every other character is treated as text,
/// so input such as <c>'; DROP TABLE</c> is a search for the words DROP and TABLE, never syntax.
/// Arabic is folded as the index holds it (<see cref="SearchFolding"/>): "حلَب" finds "حلب", "إرهابي" finds
/// "ارهابي", "بالشيخ" and "شيخ" find "الشيخ". <see cref="Terms"/> are the folded words.
/// </summary>
public sealed record SearchQuery(string? Match, string? Error, IReadOnlyList<string> Terms)
{
    /// <summary>
    /// The same expression as <see cref="Match"/>, as data: every group must match, and a group matches when any of its
    /// terms does (OR). A term is its words as a phrase, the last one a prefix when <see cref="SearchTerm.Prefix"/>.
    /// PostgreSQL's tsquery is built from this (<see cref="Providers.PostgresSearch"/>).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<SearchTerm>> Groups { get; init; } = [];

    public static SearchQuery Parse(string text)
    {
        if (text.Count(c => c == '"') % 2 == 1)
        {
            return Fail("The search text has an unclosed double quote (\"); close the phrase or remove the quote.");
        }
        var parts = new List<string>();
        var groups = new List<List<SearchTerm>>();
        var terms = new List<string>();
        var pendingOr = false;
        foreach (var (token, quoted) in Tokens(text))
        {
            if (!quoted && token == "OR")
            {
                pendingOr = parts.Count > 0;
                continue;
            }
            var prefix = !quoted && token.EndsWith('*');
            var words = Words(Fold(prefix ? token.TrimEnd('*') : token));
            if (words.Length == 0)
            {
                continue;
            }
            var term = "\"" + words.Replace("\"", "\"\"") + "\"" + (prefix ? "*" : "");
            if (pendingOr)
            {
                parts[^1] = parts[^1] + " OR " + term;
                groups[^1].Add(new(words, prefix));
            }
            else
            {
                parts.Add(term);
                groups.Add([new(words, prefix)]);
            }
            terms.Add(words);
            pendingOr = false;
        }
        if (parts.Count == 0)
        {
            return Fail("The search text has no words or numbers to look for.");
        }
        return new(string.Join(" AND ", parts.Select(p => p.Contains(" OR ") ? "(" + p + ")" : p)), null, terms) { Groups = groups };
    }

    /// <summary>The token as the index holds it: Arabic folded, anything else as typed.</summary>
    static string Fold(string token) => SearchFolding.QueryTextOf(token);

    static SearchQuery Fail(string error) => new(null, error, []);

    static IEnumerable<(string Token, bool Quoted)> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            if (text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                yield return (text[(i + 1)..end], true);
                i = end + 1;
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                i++;
            }
            yield return (text[start..i], false);
        }
    }

    /// <summary>Letters and digits only, runs of anything else become one space (FTS5 splits there too).</summary>
    static string Words(string token)
    {
        var sb = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ');
            }
        }
        return sb.ToString().Trim();
    }
}

/// <summary>Words (letters and digits, single spaces between) to find as a phrase; the last word a prefix when <see cref="Prefix"/>.</summary>
public sealed record SearchTerm(string Words, bool Prefix);
