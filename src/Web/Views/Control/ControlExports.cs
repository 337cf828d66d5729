using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Reads;
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

    /// <summary>
    /// The rows are the page's: the control view's cached entry (its order computed from the in-memory facets where the
    /// filter allows), then the claims read by id, 500 at a time. Sorting every filtered claim in SQL before the first
    /// row took 0.5 s and more at 100,000 articles (benchmarks/PERFORMANCE.md, issue 18).
    /// </summary>
    static async Task<IResult> Control(RequestFilter request, DashboardDb db, ControlViewCache cache, HttpContext context, CancellationToken ct)
    {
        var filter = await request.ResolveAsync(ct);
        var scope = await ClaimScope.ResolveAsync(context.Request.Query["scope"], db, ct);
        if (!scope.IsValid) return RequestFilter.BadRequest([scope.Error!]);
        // Whether origins are counted decides the columns; the rows are read again below, in the snapshot they stream from.
        var withOrigins = filter.Filter.CountOrigins && (await cache.GetAsync(db, filter.Filter, scope.Scope!, ct)).Origins is not null;
        return new CsvResult<(ControlClaimRow Row, ClaimOrigin? Origin)>("control-claims.csv", withOrigins ? [.. Header, .. OriginHeader] : Header,
            RowsAsync(db, cache, filter.Filter, scope.Scope!, ct),
            c => withOrigins ? [.. Cells(c.Row), CsvCells.Of(c.Origin?.Claims ?? 1), string.Join("; ", c.Origin?.Outlets ?? [c.Row.OutletName])] : Cells(c.Row));
    }

    /// <summary>
    /// The claims of the view's entry in its order, with their origins when counted. One snapshot for the whole stream:
    /// the entry (of that snapshot's content version) and every row are of one state of the data, even if an ingest
    /// commits meanwhile.
    /// </summary>
    static async IAsyncEnumerable<(ControlClaimRow, ClaimOrigin?)> RowsAsync(DashboardDb db, ControlViewCache cache, DashboardFilter filter, string scope,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var snapshot = await ReadSnapshot.BeginUnlessInTransactionAsync(db, ct);
        var claims = await cache.GetAsync(db, filter, scope, ct);
        foreach (var chunk in claims.OrderedIds.Chunk(500))
        {
            foreach (var row in await db.ControlClaimRowsByIdAsync(chunk, ct)) yield return (row, claims.Origins?.GetValueOrDefault(row.ClaimId));
        }
    }

    static string?[] Cells(ControlClaimRow c) => [CsvCells.Of(c.ClaimId), CsvCells.Of(c.Published), c.Precision.ToString().ToLowerInvariant(), c.Plottable ? "yes" : "no",
                c.OutletName, c.OutletSlug, CsvCells.Of(c.ValuePercent), c.Kind.ToText(), c.Scope, CsvCells.Of(c.Count), CsvCells.Of(c.Of),
                c.Hedge.ToText(), c.AttributedTo, c.MatchedText, c.SentenceText, CsvCells.Of(c.ArticleId), CsvCells.Of(c.SentenceIndex),
                CsvCells.Of(c.Start), CsvCells.Of(c.Length), SentenceLinks.Of(c.ArticleId, c.SentenceIndex),
                c.StatedPercent is { } stated ? CsvCells.Of(stated) : "", c.StatedHolder ?? ""];
}
