using AleppoDashboard.Web.Filtering;
using AleppoDashboard.Web.Views.Articles;
using AleppoDashboard.Web.Views.Compare;
using AleppoDashboard.Web.Views.Control;
using AleppoDashboard.Web.Views.Map;

namespace AleppoDashboard.Web.Exports;

/// <summary>Every CSV export lives under /export and takes the same filter as the page it exports.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/export").AddEndpointFilter<ValidFilterRequired>();
        group.MapArticleExports();
        group.MapMapExports();
        group.MapControlExports();
        group.MapCompareExports();
        group.MapFactExports();
        return app;
    }
}
