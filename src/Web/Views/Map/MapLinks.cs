using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Views.Map;
using AleppoDashboard.Web.Filtering;

namespace AleppoDashboard.Web.Views.Map;

/// <summary>Where the map links to: a sentence of an article, the filtered article list of a place, the side-by-side view of a place.</summary>
public static class MapLinks
{
    public static string Sentence(MapExcerpt e, DashboardFilter filter) => SentenceLinks.Of(e.ArticleId, e.SentenceIndex, filter);

    /// <summary>The article list narrowed to one place, keeping the rest of the filter.</summary>
    public static string Articles(DashboardFilter filter, string placeId) => "/articles" + filter.WithPlaces(placeId).ToQueryString();

    /// <summary>The side-by-side view of what each outlet wrote about one place, keeping the rest of the filter.</summary>
    public static string Compare(DashboardFilter filter, string placeId) => "/compare" + filter.WithPlaces(placeId).ToQueryString();

    public static string GeoJson(DashboardFilter filter) => "/api/map.geojson" + filter.ToQueryString();

    public static string Page(DashboardFilter filter, params KeyValuePair<string, string>[] settings) => "/map" + filter.ToQueryString(settings);
}
