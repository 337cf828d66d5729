namespace AleppoDashboard.Data.Filtering;

/// <summary>
/// The one filter every page and export shares, parsed from the query string by <see cref="FilterParser"/>:
/// <c>from</c>, <c>to</c> (yyyy-MM-dd, inclusive), <c>outlet</c> (repeatable slug), <c>place</c>
/// (repeatable gazetteer id), <c>lang</c> (repeatable language code: <see cref="Languages"/>), <c>q</c> (full-text
/// search over sentences) and <c>origins</c> (1: count wire copies once, <see cref="CountOrigins"/>).
/// It selects articles; views then show the facts of the selected articles.
/// </summary>
public sealed record DashboardFilter(
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<string> Outlets,
    IReadOnlyList<string> Places,
    string? Text)
{
    public static readonly DashboardFilter None = new(null, null, [], [], null);

    /// <summary>
    /// The articles <see cref="Text"/> matches, when already read (see <c>SearchMatchCache</c>): queries then select
    /// those ids instead of evaluating the full-text match again. Null: each query evaluates the match itself.
    /// Not part of the filter's identity in links (<see cref="ToQueryString"/>).
    /// </summary>
    public SearchMatches? Matches { get; init; }

    /// <summary>The languages of the articles to select ("en", "ar"); empty selects every language, unknown ones included.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>
    /// <c>origins=1</c>: count origins, not copies. Claims and sentences that are the same wire copy (the stored
    /// shared-copy map) count once, with how many outlets ran them. It selects the same articles: not part of
    /// <see cref="IsEmpty"/>, but part of every link and cache key.
    /// </summary>
    public bool CountOrigins { get; init; }

    public bool IsEmpty => From is null && To is null && Outlets.Count == 0 && Places.Count == 0 && Languages.Count == 0 && Text is null;

    /// <summary>The filter as query-string pairs, in a stable order, for links and exports.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToQueryPairs()
    {
        if (From is { } from) yield return new("from", from.ToString("yyyy-MM-dd"));
        if (To is { } to) yield return new("to", to.ToString("yyyy-MM-dd"));
        foreach (var o in Outlets) yield return new("outlet", o);
        foreach (var p in Places) yield return new("place", p);
        foreach (var l in Languages) yield return new("lang", l);
        if (Text is { } q) yield return new("q", q);
        if (CountOrigins) yield return new("origins", "1");
    }

    /// <summary>"?from=...&amp;outlet=..." (or "" when empty), with <paramref name="extra"/> pairs appended.</summary>
    public string ToQueryString(params KeyValuePair<string, string>[] extra)
    {
        var pairs = ToQueryPairs().Concat(extra).Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)).ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs);
    }

    /// <summary>
    /// The filter as a key for caches of what it selects: outlets and places sorted, since their order in a link
    /// does not change what the filter selects (<c>outlet=a&amp;outlet=b</c> and <c>outlet=b&amp;outlet=a</c> share one entry).
    /// </summary>
    public string CacheKey => (this with
    {
        Outlets = Outlets.Order(StringComparer.Ordinal).ToList(),
        Places = Places.Order(StringComparer.Ordinal).ToList(),
        Languages = Languages.Order(StringComparer.Ordinal).ToList(),
    }).ToQueryString();

    public DashboardFilter WithPlaces(params string[] places) => this with { Places = places };
    public DashboardFilter WithOutlets(params string[] outlets) => this with { Outlets = outlets };
}
