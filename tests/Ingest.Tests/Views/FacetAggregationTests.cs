using System.Text.Json;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.Views.Facets;
using AleppoDashboard.Data.Views.Map;
using AleppoDashboard.Ingest.Tests.Loading;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Views;

/// <summary>
/// The in-memory facets (<see cref="ArticleFacets"/>) select the same articles as the shared filter's SQL, and the map
/// computed from them is the same, place by place, outlet by outlet, excerpt by excerpt, as the map computed in SQL.
/// Here (not in Data.Tests) because the facts come from the real extractor over generated articles and the seeds, some
/// of them made undated, so counts, dates, ties between dates and the undated-last order are all exercised.
/// </summary>
public sealed class FacetAggregationTests : IDisposable
{
    readonly IngestHarness harness = new IngestHarness().WithSeeds();

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

    [Fact]
    public async Task FacetsSelectTheSameArticlesAndMakeTheSameMapAsSql()
    {
        GeneratedArticles.Write(harness.Articles, 400, seed: 18);
        await harness.IngestAsync();
        await using var db = harness.Db();
        // Some undated articles, in one transaction with the version, as an ingest writes.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE articles SET Published = NULL WHERE Id % 7 = 0");
            await ContentVersion.BumpAsync(db, default);
            await transaction.CommitAsync();
        }
        var cache = new ArticleFacetsCache();
        var searches = new SearchMatchCache();
        var compared = 0;
        foreach (var plain in Filters)
        {
            await using var snapshot = await ReadSnapshot.BeginAsync(db, default);
            var filter = await searches.WithMatchesAsync(db, plain, default);
            var facets = await cache.GetAsync(db, default);
            var sqlIds = await db.FilteredArticles(plain).Select(a => a.Id).OrderBy(id => id).ToListAsync();
            Assert.Equal(sqlIds, facets.Select(filter).Select(i => facets.Ids[i]));

            var fromSql = await db.MapPlacesAsync(filter, default);
            var fromFacets = await db.MapPlacesAsync(filter, default, () => cache.GetAsync(db, default));
            Assert.Equal(JsonSerializer.Serialize(fromSql), JsonSerializer.Serialize(fromFacets));
            if (fromSql.Count > 0 && fromSql.Any(p => p.Excerpts.Count > 0)) compared++;
        }
        Assert.True(compared >= 6, $"only {compared} filters gave a map with excerpts to compare");
    }

    [Fact]
    public async Task FacetsAreReadAgainWhenTheContentVersionMoves()
    {
        await harness.IngestAsync();
        await using var db = harness.Db();
        var cache = new ArticleFacetsCache();
        var first = await cache.GetAsync(db, default);
        Assert.Same(first, await cache.GetAsync(db, default));
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE articles SET Published = NULL");
            await ContentVersion.BumpAsync(db, default);
            await transaction.CommitAsync();
        }
        var second = await cache.GetAsync(db, default);
        Assert.NotSame(first, second);
        Assert.All(second.Published, p => Assert.Equal(ArticleFacets.Undated, p));
        Assert.Empty(second.Select(DashboardFilter.None with { From = new DateOnly(2016, 1, 1) }));
    }

    public void Dispose() => harness.Dispose();
}
