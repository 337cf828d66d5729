using System.Globalization;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Queries;
using AleppoDashboard.Web.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Web.Exports;

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
        return new CsvResult<MentionRow>("mentions.csv",
            ["article_id", "outlet", "published", "place_id", "place", "matched_text", "sentence_index", "start", "length", "sentence"],
            db.MentionRows(filter.Filter, article).AsAsyncEnumerable(),
            (csv, m) =>
            {
                csv.WriteField(m.ArticleId, "");
                csv.WriteField(m.Outlet);
                WriteDate(csv, m.Published);
                csv.WriteField(m.PlaceId);
                csv.WriteField(m.Place);
                csv.WriteField(m.MatchedText);
                csv.WriteField(m.SentenceIndex, "");
                csv.WriteField(m.Start, "");
                csv.WriteField(m.Length, "");
                csv.WriteField(m.Sentence);
            });
    }

    static async Task<IResult> Claims(RequestFilter request, DashboardDb db, HttpContext http, CancellationToken ct)
    {
        var filter = await request.ResolveAsync(ct);
        if (!TryArticle(http, out var article)) return RequestFilter.BadRequest(["article must be a whole number (an article id)."]);
        return new CsvResult<ClaimRow>("claims.csv",
            ["article_id", "outlet", "published", "value_percent", "scope", "kind", "count", "of", "hedge", "attributed_to",
                "matched_text", "sentence_index", "start", "length", "sentence"],
            db.ClaimRows(filter.Filter, article).AsAsyncEnumerable(),
            (csv, c) =>
            {
                csv.WriteField(c.ArticleId, "");
                csv.WriteField(c.Outlet);
                WriteDate(csv, c.Published);
                csv.WriteField(c.ValuePercent, CsvCells.NumberFormat);
                csv.WriteField(c.Scope);
                csv.WriteField(c.Kind);
                csv.WriteField(c.Count, "");
                csv.WriteField(c.Of, "");
                csv.WriteField(c.Hedge);
                csv.WriteField(c.AttributedTo);
                csv.WriteField(c.MatchedText);
                csv.WriteField(c.SentenceIndex, "");
                csv.WriteField(c.Start, "");
                csv.WriteField(c.Length, "");
                csv.WriteField(c.Sentence);
            });
    }

    /// <summary>yyyy-MM-dd, or an empty cell (as <see cref="CsvCells.Of(DateOnly?)"/>).</summary>
    static void WriteDate(CsvHelper.CsvWriter csv, DateOnly? date)
    {
        if (date is { } d) csv.WriteField(d, CsvCells.DateFormat);
        else csv.WriteField("");
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
