namespace AleppoDashboard.CorpusBenchmark;

/// <summary>Every page, API and export, unfiltered, with the shared filter, and with a text search.</summary>
public static class Urls
{
    public const string Filter = "from=2016-11-15&to=2016-12-15&outlet=tasnim-news-agency&outlet=afp&outlet=bbc-news&place=old-city";
    public const string Search = "q=government+forces";

    static readonly string[] Paths =
    [
        "/", "/articles", "/articles?page=20", "/articles/{id}", "/map", "/map?color=outlet&sort=name&dir=asc", "/control", "/compare", "/compare?topic=claims",
        "/api/map.geojson", "/api/claims",
        "/export/articles.csv", "/export/outlets.csv", "/export/map.csv", "/export/control.csv", "/export/compare.csv",
        "/export/claims.csv", "/export/mentions.csv",
    ];

    public static IEnumerable<string> All(int articles, Random random)
    {
        foreach (var path in Paths)
        {
            var concrete = path.Replace("{id}", random.Next(1, articles + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var joiner = concrete.Contains('?') ? "&" : "?";
            yield return concrete;
            yield return concrete + joiner + Filter;
            yield return concrete + joiner + Search;
        }
    }
}
