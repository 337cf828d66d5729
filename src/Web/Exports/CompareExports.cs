using System.Runtime.CompilerServices;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Filtering;
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
        return new CsvResult<(CompareTopic Topic, CompareColumn Outlet, CompareSentence Sentence, IReadOnlyList<SharedWith> SharedWith)>("compare.csv",
            ["topic", "topic_label", "outlet", "outlet_slug", "article_id", "sentence_index", "published", "sentence", "matched", "shared_with"],
            LinesAsync(db, sharedCopy, filter.Filter, selection, ct),
            l => [l.Topic.Code, l.Topic.Label, l.Outlet.Name, l.Outlet.Slug, CsvCells.Of(l.Sentence.ArticleId), CsvCells.Of(l.Sentence.Index),
                CsvCells.Of(l.Sentence.Published), l.Sentence.Text,
                string.Join(" | ", l.Sentence.Marks.Select(m => l.Sentence.Text.Substring(m.Start, Math.Min(m.Length, l.Sentence.Text.Length - m.Start)))),
                string.Join("; ", l.SharedWith.Select(w => $"{w.OutletName} article {w.ArticleId} sentence {w.Index}"))]);
    }

    /// <summary>
    /// The rows topic by topic, read while the CSV is written (one topic's sentences in memory at a time, not the whole
    /// export: unfiltered at 100,000 articles it is over a gigabyte; each line's copies are listed as it is written), all in one snapshot, so that an ingest meanwhile
    /// cannot split a row's hits from their sentences.
    /// </summary>
    static async IAsyncEnumerable<(CompareTopic Topic, CompareColumn Outlet, CompareSentence Sentence, IReadOnlyList<SharedWith> SharedWith)> LinesAsync(
        DashboardDb db, SharedCopyCache sharedCopy, DashboardFilter filter, CompareSelection selection, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        // An export waits for the shared-copy detection (running in the background) rather than leave shared_with empty.
        var shared = await sharedCopy.GetAsync(db, Timeout.InfiniteTimeSpan, ct);
        var columns = await db.CompareColumnsAsync(filter, ct);
        var ids = await FilteredIds.ReadAsync(db, filter, ct);
        foreach (var topic in await db.CompareTopicsAsync(filter, selection, ct))
        {
            var row = await db.CompareRowAsync(topic, ids, shared, perCell: null, ct, listCopies: false);
            foreach (var column in columns)
            {
                foreach (var sentence in row.CellOf(column.Slug)) yield return (topic, column, sentence, shared.With(sentence.SentenceId));
            }
        }
    }
}
