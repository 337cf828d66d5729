using AleppoDashboard.Data;
using AleppoDashboard.Data.Views.Articles;
using AleppoDashboard.Web.Exports;
using AleppoDashboard.Web.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Web.Views.Articles;

/// <summary>CSV exports of the article list and the outlet summary, through the shared filter.</summary>
public static class ArticleExports
{
    public static RouteGroupBuilder MapArticleExports(this RouteGroupBuilder group)
    {
        group.MapGet("/articles.csv", Articles);
        group.MapGet("/outlets.csv", Outlets);
        return group;
    }

    static async Task<IResult> Articles(RequestFilter request, DashboardDb db, CancellationToken ct)
    {
        var filter = await request.ResolveAsync(ct);
        return new CsvResult<ArticleRow>("articles.csv",
            ["article_id", "outlet", "outlet_slug", "published", "date_precision", "headline", "url", "source_file", "words", "content_hash"],
            db.ArticleRows(filter.Filter).AsAsyncEnumerable(),
            a => [CsvCells.Of(a.Id), a.OutletName, a.OutletSlug, CsvCells.Of(a.Published), a.Precision.ToString().ToLowerInvariant(),
                a.Headline, a.Url, a.SourceFile, CsvCells.Of(a.Words), a.ContentHash]);
    }

    static async Task<IResult> Outlets(RequestFilter request, DashboardDb db, CancellationToken ct)
    {
        var filter = await request.ResolveAsync(ct);
        var rows = await db.OutletSummariesAsync(filter.Filter, ct);
        return new CsvResult<OutletSummary>("outlets.csv",
            ["outlet", "outlet_slug", "articles", "first_published", "last_published", "words"],
            rows.ToAsyncEnumerable(),
            o => [o.Name, o.Slug, CsvCells.Of(o.Articles), CsvCells.Of(o.First), CsvCells.Of(o.Last), CsvCells.Of(o.Words)]);
    }
}
