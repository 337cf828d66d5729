namespace AleppoDashboard.TestSupport;

/// <summary>Every GET route the web app serves (pages, CSV exports, JSON APIs) and the query parameters any of them reads.</summary>
public static class DashboardRoutes
{
    public static readonly string[] Pages = ["/", "/articles", "/articles/1", "/map", "/control", "/compare"];

    public static readonly string[] Exports =
    [
        "/export/articles.csv", "/export/outlets.csv", "/export/mentions.csv", "/export/claims.csv",
        "/export/map.csv", "/export/control.csv", "/export/compare.csv",
    ];

    public static readonly string[] Apis = ["/api/map.geojson", "/api/map/sectors.geojson", "/api/claims"];

    public static IEnumerable<string> All => Pages.Concat(Exports).Concat(Apis);

    /// <summary>The shared filter's parameters, every page's own ones, and one nobody reads.</summary>
    public static readonly string[] Parameters =
        ["from", "to", "outlet", "place", "q", "page", "scope", "color", "sort", "dir", "topic", "term", "article", "unknown"];
}
