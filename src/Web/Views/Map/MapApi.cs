using System.Globalization;
using System.Text.Json;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Views.Map;
using AleppoDashboard.Web.Filtering;

namespace AleppoDashboard.Web.Views.Map;

/// <summary>
/// GeoJSON for the map, openable as it is in QGIS or geojson.io: <c>/api/map.geojson</c> (one Point per place
/// the filtered articles mention), <c>/api/map/sectors.geojson</c> (sector outlines drawn from the gazetteer) and
/// <c>/api/map/areas.geojson</c> (east and west Aleppo as areas, <see cref="CityAreas"/>).
/// </summary>
public static class MapApi
{
    const string GeoJsonType = "application/geo+json";

    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null };

    public static RouteGroupBuilder MapMapApi(this RouteGroupBuilder group)
    {
        group.MapGet("/map.geojson", Places);
        group.MapGet("/map/sectors.geojson", Sectors);
        group.MapGet("/map/areas.geojson", (CityAreas areas) => Results.Bytes(areas.GeoJson, GeoJsonType));
        return group;
    }

    static async Task<IResult> Places(RequestFilter request, DashboardDb db, MapPlacesCache cache, MapSectors sectors, CancellationToken ct)
    {
        var filter = await request.ResolveAsync(ct);
        var places = await cache.GetAsync(db, filter.Filter, ct);
        var collection = new
        {
            type = "FeatureCollection",
            // A foreign member (allowed by RFC 7946 §6.1): the outlets in legend order, so colours match the page's legend.
            outlets = MapQueries.OutletsOf(places).Select(o => new { slug = o.Slug, name = o.Name, mentions = o.Mentions }),
            features = places.Select(p => Feature(p, filter.Filter, sectors)),
        };
        return Results.Json(collection, Json, GeoJsonType);
    }

    static object Feature(MapPlace p, DashboardFilter filter, MapSectors sectors) => new
    {
        type = "Feature",
        id = p.Id,
        geometry = new { type = "Point", coordinates = new[] { p.Lon, p.Lat } },
        properties = new
        {
            place_id = p.Id,
            name = p.Name,
            sector = p.Sector,
            sector_label = sectors.LabelOf(p.Sector),
            confidence = p.Confidence,
            mentions = p.Mentions,
            outlets = p.Outlets.ToDictionary(o => o.Slug, o => o.Mentions),
            outlet_names = p.Outlets.ToDictionary(o => o.Slug, o => o.Name),
            top_outlet = p.TopOutlet.Slug,
            top_outlet_name = p.TopOutlet.Name,
            first_published = Date(p.First),
            last_published = Date(p.Last),
            excerpts = p.Excerpts.Select(e => new
            {
                text = e.Text,
                start = e.Start,
                length = e.Length,
                outlet = e.OutletSlug,
                outlet_name = e.OutletName,
                published = Date(e.Published),
                article_id = e.ArticleId,
                sentence_index = e.SentenceIndex,
                url = MapLinks.Sentence(e, filter),
            }),
            articles_url = MapLinks.Articles(filter, p.Id),
            compare_url = MapLinks.Compare(filter, p.Id),
        },
    };

    static async Task<IResult> Sectors(DashboardDb db, MapSectors sectors, CancellationToken ct)
    {
        var outlines = await db.SectorOutlinesAsync(ct);
        var collection = new
        {
            type = "FeatureCollection",
            features = outlines.Select(s => new
            {
                type = "Feature",
                id = s.Sector,
                geometry = new
                {
                    type = "Polygon",
                    // A closed ring, counter-clockwise (RFC 7946 §3.1.6).
                    coordinates = new[] { s.Hull.Append(s.Hull[0]).Select(p => new[] { p.Lon, p.Lat }) },
                },
                properties = new { sector = s.Sector, label = sectors.LabelOf(s.Sector), places = s.Places, note = "Convex hull of the sector's gazetteer points; not a boundary." },
            }),
        };
        return Results.Json(collection, Json, GeoJsonType);
    }

    static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
