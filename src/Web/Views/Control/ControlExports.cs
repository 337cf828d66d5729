using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Views.Control;
using AleppoDashboard.Web.Exports;
using AleppoDashboard.Web.Filtering;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Web.Views.Control;

/// <summary>
/// <c>/export/control.csv</c>: exactly the control page's table (one scope's claims in the filtered articles,
/// same rows, same order), through the shared filter and the page's <c>scope</c> parameter.
/// </summary>
public static class ControlExports
{
    public static readonly string[] Header =
    [
        "claim_id", "published", "date_precision", "plotted", "outlet", "outlet_slug", "value_percent", "kind", "scope",
        "count", "of", "hedge", "attributed_to", "claim_text", "sentence", "article_id", "sentence_index", "span_start",
        "span_length", "link", "stated_percent", "stated_holder",
    ];

    public static RouteGroupBuilder MapControlExports(this RouteGroupBuilder group)
    {
        group.MapGet("/control.csv", Control);
        return group;
    }

    /// <summary>Columns added when counting origins (<c>origins=1</c>): how many claims each row stands for, and the outlets that ran them.</summary>
    public static readonly string[] OriginHeader = ["origin_claims", "origin_outlets"];

    static async Task<IResult> Control(RequestFilter request, DashboardDb db, ControlViewCache cache, HttpContext context, CancellationToken ct)
    {
        var filter = await request.ResolveAsync(ct);
        var scope = await ClaimScope.ResolveAsync(context.Request.Query["scope"], db, ct);
        if (!scope.IsValid) return RequestFilter.BadRequest([scope.Error!]);
        if (filter.Filter.CountOrigins)
        {
            // The page's rows are the cache's: one claim per origin, so the CSV reads them the same way.
            var claims = await cache.GetAsync(db, filter.Filter, scope.Scope!, ct);
            return new CsvResult<ControlClaimRow>("control-claims.csv", claims.Origins is null ? Header : [.. Header, .. OriginHeader],
                RowsByIdAsync(db, claims.OrderedIds, ct),
                c => claims.Origins is { } origins && origins.GetValueOrDefault(c.ClaimId) is var o
                    ? [.. Cells(c), CsvCells.Of(o?.Claims ?? 1), string.Join("; ", o?.Outlets ?? [c.OutletName])]
                    : Cells(c));
        }
        return new CsvResult<ControlClaimRow>("control-claims.csv", Header,
            db.ControlClaimRows(filter.Filter, scope.Scope!).AsAsyncEnumerable(), Cells);
    }

    /// <summary>The claims with these ids in their order, read 500 at a time.</summary>
    static async IAsyncEnumerable<ControlClaimRow> RowsByIdAsync(DashboardDb db, int[] ids, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var row in await db.ControlClaimRowsByIdAsync(chunk, ct)) yield return row;
        }
    }

    static string?[] Cells(ControlClaimRow c) => [CsvCells.Of(c.ClaimId), CsvCells.Of(c.Published), c.Precision.ToString().ToLowerInvariant(), c.Plottable ? "yes" : "no",
                c.OutletName, c.OutletSlug, CsvCells.Of(c.ValuePercent), c.Kind.ToText(), c.Scope, CsvCells.Of(c.Count), CsvCells.Of(c.Of),
                c.Hedge.ToText(), c.AttributedTo, c.MatchedText, c.SentenceText, CsvCells.Of(c.ArticleId), CsvCells.Of(c.SentenceIndex),
                CsvCells.Of(c.Start), CsvCells.Of(c.Length), SentenceLinks.Of(c.ArticleId, c.SentenceIndex),
                c.StatedPercent is { } stated ? CsvCells.Of(stated) : "", c.StatedHolder ?? ""];
}
