using System.Globalization;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Views.Articles;
using AleppoDashboard.Web.Exports;
using AleppoDashboard.Web.Filtering;

namespace AleppoDashboard.Web.Views.Articles;

/// <summary>
/// CSV exports of place mentions and control claims through the shared filter (dates, outlets, places, text).
/// The optional <c>article=&lt;id&gt;</c> narrows an export to one article (the article page links to it).
/// </summary>
public static class FactExports
{
    public static RouteGroupBuilder MapFactExports(this RouteGroupBuilder group)
    {
        group.MapGet("/mentions.csv", Mentions);
        group.MapGet("/claims.csv", Claims);
        return group;
    }

    static async Task<IResult> Mentions(RequestFilter request, DashboardDb db, HttpContext http, CancellationToken ct)
    {
        var filter = await request.ResolveAsync(ct);
        if (!TryArticle(http, out var article)) return RequestFilter.BadRequest(["article must be a whole number (an article id)."]);
        return new CsvQueryResult("mentions.csv", MentionCsvRows.Header, db, db.MentionRows(filter.Filter, article), new MentionCsvRows());
    }

    static async Task<IResult> Claims(RequestFilter request, DashboardDb db, HttpContext http, CancellationToken ct)
    {
        var filter = await request.ResolveAsync(ct);
        if (!TryArticle(http, out var article)) return RequestFilter.BadRequest(["article must be a whole number (an article id)."]);
        return new CsvQueryResult("claims.csv", ClaimCsvRows.Header, db, db.ClaimRows(filter.Filter, article), new ClaimCsvRows());
    }

    /// <summary>The optional <c>article</c> parameter: absent is fine; anything but one whole number is not.</summary>
    static bool TryArticle(HttpContext http, out int? article)
    {
        article = null;
        var values = http.Request.Query["article"];
        if (values.Count == 0) return true;
        if (values.Count > 1 || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
        article = id;
        return true;
    }
}
