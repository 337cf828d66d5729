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

    /// <summary>Lines whose texts are read first; each next read is four times the last, up to <see cref="LastRead"/>.</summary>
    const int FirstRead = 100;

    const int LastRead = 25_600;

    /// <summary>
    /// The rows topic by topic, read while the CSV is written, all in one snapshot, so that an ingest meanwhile cannot
    /// split a row's hits from their sentences. Each topic is ranked whole first (cheap: ids only), then its lines'
    /// texts, marks and copies are read in growing batches in the order they are written: the first line does not wait
    /// for the whole row (a place in a long date range is tens of thousands of sentences), and a search row's marks
    /// still take few passes over the search's matches. One topic's lines at most are held, never the whole export.
    /// Shared copy comes from the stored map when it is current; otherwise each line's shared_with says it is not known yet.
    /// </summary>
    static async IAsyncEnumerable<(CompareTopic Topic, CompareColumn Outlet, CompareSentence Sentence, IReadOnlyList<SharedWith>? SharedWith)> LinesAsync(
        DashboardDb db, CompareViewCache views, DashboardFilter filter, CompareSelection selection, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        var copies = await SharedCopyStore.IsCurrentAsync(db, ct);
        var scope = await views.OpenScopeAsync(db, filter, ct);
        var columns = await db.CompareColumnsAsync(filter, scope, ct);
        var order = columns.Select((c, i) => (c.Slug, i)).ToDictionary(c => c.Slug, c => c.i);
        var counter = copies ? new SharedCopyLister(0) : null;
        var lister = new SharedCopyLister(SharedCopyDetector.MaxListed);
        foreach (var topic in await db.CompareTopicsAsync(filter, selection, scope, ct))
        {
            if (topic.Kind == CompareTopicKind.Wire && !copies) continue;
            var plan = await CompareQueries.PlanRowAsync(db, topic, scope, copies, perCell: null, filter.CountOrigins, ct);
            // The page's order: columns, then each cell's sentences by rank (CompareRow.CellOf).
            var lines = plan.Kept.Where(k => order.ContainsKey(plan.Slugs[k.OutletId]))
                .OrderBy(k => order[plan.Slugs[k.OutletId]]).ThenBy(k => k.Rn).ToList();
            for (int at = 0, size = FirstRead; at < lines.Count; at += size, size = Math.Min(size * 4, LastRead))
            {
                var part = lines.GetRange(at, Math.Min(size, lines.Count - at));
                var read = await plan.ReadAsync(db, part, counter, ct);
                var kept = part.Where(k => read.ContainsKey(k.SentenceId)).Select(k => (column: columns[order[plan.Slugs[k.OutletId]]], sentence: read[k.SentenceId]));
                foreach (var batch in kept.Chunk(Math.Min(size, CopiesBatch)))
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
}
