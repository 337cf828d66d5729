namespace AleppoDashboard.Data.Views.Map;

/// <summary>
/// The order of the map's table, from the query parameters <c>sort</c> (name, sector, mentions, first, last,
/// or outlet:&lt;slug&gt; for one outlet's column) and <c>dir</c> (asc or desc). Undated places stay last.
/// </summary>
public sealed record MapTableSort(string Column, bool Descending)
{
    public static readonly MapTableSort Default = new("mentions", true);

    public const string OutletPrefix = "outlet:";

    static readonly string[] Columns = ["name", "sector", "mentions", "first", "last"];

    /// <summary>Parses the two parameters; an error is one line naming the bad value. <paramref name="outletSlugs"/> are the known outlets.</summary>
    public static MapTableSort? Parse(string? sort, string? dir, IReadOnlyCollection<string> outletSlugs, out string? error)
    {
        error = null;
        var column = string.IsNullOrWhiteSpace(sort) ? Default.Column : sort.Trim().ToLowerInvariant();
        var isOutlet = column.StartsWith(OutletPrefix, StringComparison.Ordinal) && outletSlugs.Contains(column[OutletPrefix.Length..]);
        if (!isOutlet && !Columns.Contains(column))
        {
            error = $"'sort' must be one of {string.Join(", ", Columns)} or outlet:<outlet slug>; got '{Shorten(sort!)}'.";
            return null;
        }
        bool descending;
        switch (dir?.Trim().ToLowerInvariant())
        {
            case null or "": descending = DefaultDescending(column); break;
            case "asc": descending = false; break;
            case "desc": descending = true; break;
            default:
                error = $"'dir' must be asc or desc; got '{Shorten(dir)}'.";
                return null;
        }
        return new MapTableSort(column, descending);
    }

    /// <summary>Numbers and dates read best biggest/latest first; names A to Z.</summary>
    public static bool DefaultDescending(string column) => column is not ("name" or "sector");

    /// <summary>The sort a column header links to: the other direction when it is the current column, else its default.</summary>
    public MapTableSort Toggle(string column) =>
        column == Column ? this with { Descending = !Descending } : new MapTableSort(column, DefaultDescending(column));

    public IEnumerable<MapPlace> Apply(IEnumerable<MapPlace> places)
    {
        var list = places.ToList();
        IOrderedEnumerable<MapPlace> ordered = Column switch
        {
            "name" => By(list, p => p.Name, StringComparer.OrdinalIgnoreCase),
            "sector" => By(list, p => p.Sector, StringComparer.Ordinal),
            "mentions" => By(list, p => p.Mentions, Comparer<int>.Default),
            "first" => list.OrderBy(p => p.First is null).ThenBy(p => p.First, Direction(Comparer<DateOnly?>.Default)),
            "last" => list.OrderBy(p => p.Last is null).ThenBy(p => p.Last, Direction(Comparer<DateOnly?>.Default)),
            _ => By(list, p => p.MentionsBy(Column[OutletPrefix.Length..]), Comparer<int>.Default),
        };
        return ordered.ThenByDescending(p => p.Mentions).ThenBy(p => p.Name, StringComparer.Ordinal);
    }

    IOrderedEnumerable<MapPlace> By<TKey>(List<MapPlace> list, Func<MapPlace, TKey> key, IComparer<TKey> comparer) =>
        list.OrderBy(key, Direction(comparer));

    IComparer<TKey> Direction<TKey>(IComparer<TKey> comparer) =>
        Descending ? Comparer<TKey>.Create((a, b) => comparer.Compare(b, a)) : comparer;

    static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
