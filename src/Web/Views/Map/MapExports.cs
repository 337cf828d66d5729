using System.Globalization;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Views.Map;
using AleppoDashboard.Web.Exports;
using AleppoDashboard.Web.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Web.Views.Map;

/// <summary>/export/map.csv: the map page's table (one row per mentioned place, a column per outlet), same filter and order.</summary>
public static class MapExports
{
    public static RouteGroupBuilder MapMapExports(this RouteGroupBuilder group)
    {
        group.MapGet("/map.csv", Places);
        return group;
    }

    static async Task<IResult> Places(HttpContext http, RequestFilter request, DashboardDb db, MapPlacesCache cache, MapSectors sectors, CancellationToken ct)
    {
        var filter = await request.ResolveAsync(ct);
        var slugs = await db.Outlets.AsNoTracking().Select(o => o.Slug).ToListAsync(ct);
        var sort = MapTableSort.Parse(http.Request.Query["sort"], http.Request.Query["dir"], slugs, out var error);
        if (sort is null) return RequestFilter.BadRequest([error!]);

        var places = await cache.GetAsync(db, filter.Filter, ct);
        var outlets = MapQueries.OutletsOf(places);
        string[] header =
        [
            "place_id", "name", "sector", "lat", "lon", "confidence", "mentions",
            .. outlets.Select(o => "mentions_" + o.Slug),
            "top_outlet", "first_published", "last_published", "example_sentence", "example_url",
        ];
        return new CsvResult<MapPlace>("map.csv", header, sort.Apply(places).ToAsyncEnumerable(),
            p =>
            [
                p.Id, p.Name, sectors.LabelOf(p.Sector), Coordinate(p.Lat), Coordinate(p.Lon), p.Confidence, CsvCells.Of(p.Mentions),
                .. outlets.Select(o => CsvCells.Of(p.MentionsBy(o.Slug))),
                p.TopOutlet.Slug, CsvCells.Of(p.First), CsvCells.Of(p.Last),
                p.Excerpts.FirstOrDefault()?.Text, p.Excerpts.FirstOrDefault() is { } e ? MapLinks.Sentence(e, Data.Filtering.DashboardFilter.None) : null,
            ]);
    }

    /// <summary>Degrees to the gazetteer's five decimals (about a metre).</summary>
    static string Coordinate(double degrees) => degrees.ToString("0.#####", CultureInfo.InvariantCulture);
}
