using AleppoDashboard.Data;
using AleppoDashboard.Data.Queries;
using AleppoDashboard.Data.Queries.Compare;
using AleppoDashboard.Web.Filtering;

namespace AleppoDashboard.Web.Exports;

/// <summary>The /compare page's rows in long form: one CSV row per topic × outlet × sentence, through the shared filter and the topic.</summary>
public static class CompareExports
{
    public static RouteGroupBuilder MapCompareExports(this RouteGroupBuilder group)
    {
        group.MapGet("/compare.csv", Compare);
        return group;
    }

    static async Task<IResult> Compare(HttpContext context, RequestFilter request, DashboardDb db, SharedCopyCache sharedCopy, CancellationToken ct)
    {
        var (selection, error) = CompareSelection.Parse(context.Request.Query);
        error ??= await selection.UnknownTermAsync(db, ct);
        if (error is not null) return RequestFilter.BadRequest([error]);
        var filter = await request.ResolveAsync(ct);

        // One snapshot for every read, so that an ingest meanwhile cannot split a row's hits from their sentences.
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        // An export waits for the shared-copy detection (running in the background) rather than leave shared_with empty.
        var shared = await sharedCopy.GetAsync(db, Timeout.InfiniteTimeSpan, ct);
        var columns = await db.CompareColumnsAsync(filter.Filter, ct);
        var ids = await FilteredIds.ReadAsync(db, filter.Filter, ct);
        var lines = new List<(CompareTopic Topic, CompareColumn Outlet, CompareSentence Sentence)>();
        foreach (var topic in await db.CompareTopicsAsync(filter.Filter, selection, ct))
        {
            var row = await db.CompareRowAsync(topic, ids, shared, perCell: null, ct);
            lines.AddRange(columns.SelectMany(c => row.CellOf(c.Slug).Select(s => (topic, c, s))));
        }
        return new CsvResult<(CompareTopic Topic, CompareColumn Outlet, CompareSentence Sentence)>("compare.csv",
            ["topic", "topic_label", "outlet", "outlet_slug", "article_id", "sentence_index", "published", "sentence", "matched", "shared_with"],
            lines.ToAsyncEnumerable(),
            l => [l.Topic.Code, l.Topic.Label, l.Outlet.Name, l.Outlet.Slug, CsvCells.Of(l.Sentence.ArticleId), CsvCells.Of(l.Sentence.Index),
                CsvCells.Of(l.Sentence.Published), l.Sentence.Text,
                string.Join(" | ", l.Sentence.Marks.Select(m => l.Sentence.Text.Substring(m.Start, Math.Min(m.Length, l.Sentence.Text.Length - m.Start)))),
                string.Join("; ", l.Sentence.SharedWith.Select(w => $"{w.OutletName} article {w.ArticleId} sentence {w.Index}"))]);
    }
}
