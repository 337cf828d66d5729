using AleppoDashboard.Data;
using AleppoDashboard.Data.Views.Articles;
using AleppoDashboard.Data.Views.Compare;
using AleppoDashboard.Data.Views.Facets;
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
        // Read by column position (ArticleCsvRows), so that on PostgreSQL it streams through a cursor (CsvQueryResult).
        return new CsvQueryResult("articles.csv", ArticleCsvRows.Header, db, db.ArticleRows(filter.Filter), new ArticleCsvRows());
    }

    static async Task<IResult> Outlets(RequestFilter request, DashboardDb db, HttpContext http, CancellationToken ct)
    {
        var filter = (await request.ResolveAsync(ct)).Filter;
        // Summed over the in-memory facets when they can select the filter (as the comparison's columns are; the same
        // rows as the SQL, CompareFacetTests), instead of grouping the selected articles in the database: on PostgreSQL
        // that query, planned and run over a search's tens of thousands of matched ids, took 0.1-0.2 s at 100,000 articles.
        var facets = ArticleFacets.CanSelect(filter) ? http.RequestServices.GetService<ArticleFacetsCache>() : null;
        var rows = facets is not null && await facets.GetAsync(db, ct) is { } held
            ? await CompareFromFacets.OutletSummariesAsync(db, held, held.Select(filter), ct)
            : await db.OutletSummariesAsync(filter, ct);
        return new CsvResult<OutletSummary>("outlets.csv",
            ["outlet", "outlet_slug", "articles", "first_published", "last_published", "words"],
            rows.ToAsyncEnumerable(),
            o => [o.Name, o.Slug, CsvCells.Of(o.Articles), CsvCells.Of(o.First), CsvCells.Of(o.Last), CsvCells.Of(o.Words)]);
    }
}
