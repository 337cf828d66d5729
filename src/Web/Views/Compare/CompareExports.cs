using System.Runtime.CompilerServices;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.SharedCopyDetection;
using AleppoDashboard.Data.Views.Compare;
using AleppoDashboard.Web.Exports;
using AleppoDashboard.Web.Filtering;

namespace AleppoDashboard.Web.Views.Compare;

/// <summary>The /compare page's rows in long form: one CSV row per topic × outlet × sentence, through the shared filter and the topic.</summary>
public static class CompareExports
{
    public static RouteGroupBuilder MapCompareExports(this RouteGroupBuilder group)
    {
        group.MapGet("/compare.csv", Compare);
        return group;
    }

    /// <summary>The shared_with cell while the stored shared-copy map is not that of the current articles (the page says the same).</summary>
    public const string CopiesNotKnown = "not known yet: the shared-copy detection for the newest articles has not finished";

    static async Task<IResult> Compare(HttpContext context, RequestFilter request, DashboardDb db, CompareViewCache views, CancellationToken ct)
    {
        var (selection, error) = CompareSelection.Parse(context.Request.Query);
        error ??= await selection.UnknownTermAsync(db, ct);
        if (error is not null) return RequestFilter.BadRequest([error]);
        var filter = await request.ResolveAsync(ct);
        var origins = filter.Filter.CountOrigins && await SharedCopyStore.IsCurrentAsync(db, ct);
        // Counting origins, a cell lists one sentence per origin (as the page counts them), with the origin's id and reach.
        string[] header = ["topic", "topic_label", "outlet", "outlet_slug", "article_id", "sentence_index", "published", "sentence", "matched", "shared_with", "paragraph"];
        return new CsvResult<(CompareTopic Topic, CompareColumn Outlet, CompareSentence Sentence, IReadOnlyList<SharedWith>? SharedWith)>("compare.csv",
            origins ? [.. header, .. OriginHeader] : header,
            LinesAsync(db, views, filter.Filter, selection, ct),
            l => origins ? [.. Cells(l), CsvCells.Of(l.Sentence.Origin?.Id ?? l.Sentence.SentenceId), CsvCells.Of(l.Sentence.Origin?.Sentences ?? 1), CsvCells.Of(l.Sentence.Origin?.Outlets ?? 1)] : Cells(l));
    }

    /// <summary>Columns added when counting origins: the origin (the lowest sentence id among its copies), its copies in the row, and how many outlets ran it.</summary>
    public static readonly string[] OriginHeader = ["origin_id", "origin_sentences", "origin_outlets"];

    static string?[] Cells((CompareTopic Topic, CompareColumn Outlet, CompareSentence Sentence, IReadOnlyList<SharedWith>? SharedWith) l) =>
        [l.Topic.Code, l.Topic.Label, l.Outlet.Name, l.Outlet.Slug, CsvCells.Of(l.Sentence.ArticleId), CsvCells.Of(l.Sentence.Index),
            CsvCells.Of(l.Sentence.Published), l.Sentence.Text,
            string.Join(" | ", l.Sentence.Marks.Select(m => l.Sentence.Text.Substring(m.Start, Math.Min(m.Length, l.Sentence.Text.Length - m.Start)))),
            l.SharedWith is null ? CopiesNotKnown : string.Join("; ", l.SharedWith.Select(w => $"{w.OutletName} article {w.ArticleId} sentence {w.Index}")),
            CsvCells.Of(l.Sentence.Paragraph)];

    /// <summary>How many lines' copies are read at a time.</summary>
    const int CopiesBatch = 500;

    /// <summary>
    /// The rows topic by topic, read while the CSV is written (one topic's sentences in memory at a time, not the whole
    /// export: unfiltered over a large corpus it runs to gigabytes; the lines' copies are read a batch at a time as they
    /// are written), all in one snapshot, so that an ingest meanwhile cannot split a row's hits from their sentences.
    /// Shared copy comes from the stored map when it is current; otherwise each line's shared_with says it is not known yet.
    /// </summary>
    static async IAsyncEnumerable<(CompareTopic Topic, CompareColumn Outlet, CompareSentence Sentence, IReadOnlyList<SharedWith>? SharedWith)> LinesAsync(
        DashboardDb db, CompareViewCache views, DashboardFilter filter, CompareSelection selection, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        var copies = await SharedCopyStore.IsCurrentAsync(db, ct);
        var scope = await views.OpenScopeAsync(db, filter, ct);
        var columns = await db.CompareColumnsAsync(filter, scope, ct);
        var lister = new SharedCopyLister(SharedCopyDetector.MaxListed);
        foreach (var topic in await db.CompareTopicsAsync(filter, selection, scope, ct))
        {
            if (topic.Kind == CompareTopicKind.Wire && !copies) continue;
            var row = await db.CompareRowAsync(topic, scope, copies, perCell: null, ct, listCopies: false, origins: filter.CountOrigins);
            var lines = columns.SelectMany(column => row.CellOf(column.Slug).Select(sentence => (column, sentence)));
            foreach (var batch in lines.Chunk(CopiesBatch))
            {
                var listed = copies
                    ? await lister.CopiesAsync(db, batch.Where(l => l.sentence.SharedCount > 0).Select(l => l.sentence.SentenceId).ToList(), ct)
                    : null;
                foreach (var (column, sentence) in batch)
                {
                    yield return (topic, column, sentence, listed is null ? null : listed.GetValueOrDefault(sentence.SentenceId, SentenceCopies.None).With);
                }
            }
        }
    }
}
