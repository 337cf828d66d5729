using System.Text.Json;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.SharedCopyDetection;
using AleppoDashboard.Data.Views.Compare;
using AleppoDashboard.Data.Views.Facets;
using AleppoDashboard.Ingest.Tests.Loading;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Views;

/// <summary>
/// The comparison summed from the in-memory facets (<see cref="CompareFromFacets"/>) is the comparison read in SQL: the
/// same columns, default places, rows (every kept sentence, its marks and copies, every count, origins) and framing matrix
/// (hits, shared hits, per 1,000 words, shared sentences), for the page's five per cell and the CSV's every sentence,
/// with the shared-copy map current and not.
/// </summary>
public class CompareFacetTests : IDisposable
{
    readonly IngestHarness harness;

    public CompareFacetTests() : this(new IngestHarness().WithSeeds()) { }

    protected CompareFacetTests(IngestHarness harness) => this.harness = harness;

    static readonly DashboardFilter[] Filters =
    [
        DashboardFilter.None,
        DashboardFilter.None with { Text = "Hanano" },
        DashboardFilter.None with { Text = "rebels OR army" },
        DashboardFilter.None with { Text = "nothingmatcheszz" },
        new(new DateOnly(2016, 10, 1), new DateOnly(2016, 11, 15), [], [], null),
        new(null, new DateOnly(2016, 10, 1), ["reuters-syndicated", "afp"], [], null),
        new(new DateOnly(2016, 12, 1), null, [], ["masaken-hanano", "sakhour"], null),
        new(null, null, ["tasnim-news-agency"], ["bustan-al-qasr"], "forces"),
        new(new DateOnly(2016, 9, 1), new DateOnly(2016, 9, 30), ["press-tv", "al-jazeera", "no-such-outlet"], [], "Aleppo"),
        new(null, null, [], ["no-such-place"], null),
    ];

    static readonly CompareSelection[] Selections = [new(null, null), new("claims", null), new("places", null), new("wire", null), new(null, "fighters")];

    [Fact]
    public async Task FacetsGiveTheSameComparisonAsSql()
    {
        GeneratedArticles.Write(harness.Articles, 400, seed: 18);
        FacetAggregationTests.WriteClaimArticles(harness, 150);
        await harness.IngestAsync();
        await using (var db = harness.Db())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE articles SET \"Published\" = NULL WHERE \"Id\" % 7 = 0");
            await ContentVersion.BumpAsync(db, default);
            await transaction.CommitAsync();
        }
        var cache = new ArticleFacetsCache();
        var searches = new SearchMatchCache();
        var sentences = 0;
        foreach (var copies in new[] { false, true })
        {
            if (copies) Assert.NotNull(await SharedCopyStore.UpdateAsync(harness.Databases, TimeProvider.System, default));
            await using var db = harness.Db();
            foreach (var origins in new[] { false, true })
            {
                foreach (var plain in Filters)
                {
                    var filter = plain with { CountOrigins = origins };
                    foreach (var selection in Selections)
                    {
                        await using var snapshot = await ReadSnapshot.BeginAsync(db, default);
                        Assert.Equal(copies, await SharedCopyStore.IsCurrentAsync(db, default));
                        var inSql = await CompareScope.OpenAsync(db, filter, searches, null, default);
                        var inMemory = await CompareScope.OpenAsync(db, filter, searches, cache, default);
                        Assert.Null(inSql.Facets);
                        Assert.NotNull(inMemory.Facets);
                        var fromSql = await ReadAsync(db, filter, selection, copies, inSql);
                        var fromFacets = await ReadAsync(db, filter, selection, copies, inMemory);
                        Assert.Equal(Normal(fromSql), Normal(fromFacets));
                        // The CSV's rows: every sentence of each topic.
                        foreach (var topic in await db.CompareTopicsAsync(filter, selection, inSql, default))
                        {
                            if (topic.Kind == CompareTopicKind.Wire && !copies) continue;
                            var all = await db.CompareRowAsync(topic, inSql, copies, null, default, listCopies: false, origins: origins);
                            Assert.Equal(Normal(all), Normal(await db.CompareRowAsync(topic, inMemory, copies, null, default, listCopies: false, origins: origins)));
                            sentences += all.Cells.Values.Sum(c => c.Count);
                        }
                    }
                }
            }
        }
        Assert.True(sentences > 5_000, $"only {sentences} sentences compared");
    }

    static Task<CompareView> ReadAsync(DashboardDb db, DashboardFilter filter, CompareSelection selection, bool copies, CompareScope scope) =>
        CompareView.ReadAsync(db, filter, selection, copies, 5, scope, () => CompareView.MatrixAsync(db, filter, scope, copies, default), default);

    /// <summary>The view as JSON with every dictionary in key order (the two paths may fill them in another order).</summary>
    static string Normal(CompareView view) => JsonSerializer.Serialize(new
    {
        view.Columns,
        Rows = view.Rows.Select(Normal).ToList(),
        Matrix = view.Matrix.Select(m => new { m.TermId, m.Label, Cells = m.ByOutlet.OrderBy(c => c.Key, StringComparer.Ordinal).ToList() }).ToList(),
        view.SharedInFilter,
    });

    static string Normal(CompareRow row) => JsonSerializer.Serialize(new
    {
        row.Topic,
        Cells = row.Cells.OrderBy(c => c.Key, StringComparer.Ordinal).ToList(),
        Counts = row.Counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToList(),
        row.Origins,
        row.Sentences,
    });

    public void Dispose() => harness.Dispose();
}

/// <summary>
/// <see cref="CompareFacetTests"/> on PostgreSQL: the comparison's facets, the place and search rows (tsquery, ts_rank) and
/// the batched copy listing run there with the same SQL as on SQLite but for the provider's pieces (ProviderSql), and give
/// that provider's SQL comparison.
/// </summary>
public sealed class PostgresCompareFacetTests() : CompareFacetTests(IngestHarness.OnPostgres().WithSeeds());
