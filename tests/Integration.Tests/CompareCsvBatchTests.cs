using AleppoDashboard.Data;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.SharedCopyDetection;
using AleppoDashboard.Data.Views.Compare;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// /export/compare.csv reads a row's texts, marks and copies in growing batches (its first line must not wait for the
/// whole row). Its lines must be the row read whole, as the page's capped cells are read, in the same order: the wire row and
/// a search row (34,000 sentences each) span several batches.
/// </summary>
public class CompareCsvBatchTests(ManyWireCopiesApp fixture) : IClassFixture<ManyWireCopiesApp>
{
    [Theory]
    [InlineData("topic=wire")]
    [InlineData("q=wire")]
    [InlineData("q=wire&origins=1")]
    public async Task CsvLinesAreTheRowReadWhole(string query)
    {
        var client = fixture.App.CreateRealClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        var csv = CompareCsv.Parse(await client.GetStringAsync("/export/compare.csv?" + query));

        var expected = await WholeRowsAsync(query);
        // 100 + 400 + 1,600 + 6,400 lines: four batches at least.
        Assert.True(expected.Count > 8_500, $"only {expected.Count} lines");
        Assert.Equal(expected.Count, csv.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], string.Join('\n', CompareCsv.Columns.Where(c => c is not "published" and not "topic_label" and not "outlet").Select(c => csv[i][c])));
        }
    }

    /// <summary>Every line of the export, built from the rows read whole (no batches) with the page's own query.</summary>
    async Task<List<string>> WholeRowsAsync(string query)
    {
        var parsed = QueryHelpers.ParseQuery(query);
        var filter = FilterParser.Parse(parsed).Filter;
        var selection = CompareSelection.Parse(parsed).Selection;
        var views = fixture.App.Services.GetRequiredService<CompareViewCache>();
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<DashboardDb>>().CreateDbContextAsync();
        var copies = await SharedCopyStore.IsCurrentAsync(db, default);
        Assert.True(copies);
        var scope = await views.OpenScopeAsync(db, filter, default);
        var columns = await db.CompareColumnsAsync(filter, scope, default);
        var lines = new List<string>();
        foreach (var topic in await db.CompareTopicsAsync(filter, selection, scope, default))
        {
            var row = await db.CompareRowAsync(topic, scope, copies, perCell: null, default, origins: filter.CountOrigins,
                lister: new SharedCopyLister(SharedCopyDetector.MaxListed));
            foreach (var column in columns)
            {
                foreach (var s in row.CellOf(column.Slug))
                {
                    var matched = string.Join(" | ", s.Marks.Select(m => s.Text.Substring(m.Start, Math.Min(m.Length, s.Text.Length - m.Start))));
                    var shared = string.Join("; ", s.SharedWith.Select(w => $"{w.OutletName} article {w.ArticleId} sentence {w.Index}"));
                    lines.Add(string.Join('\n', topic.Code, column.Slug, s.ArticleId, s.Index, s.Text, matched, shared));
                }
            }
        }
        return lines;
    }
}
