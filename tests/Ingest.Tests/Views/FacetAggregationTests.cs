using System.Text.Json;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.Views.Control;
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
/// On SQLite here; on PostgreSQL in <see cref="PostgresFacetAggregationTests"/>.
/// </summary>
public class FacetAggregationTests : IDisposable
{
    readonly IngestHarness harness;

    public FacetAggregationTests() : this(new IngestHarness().WithSeeds())
    {
    }

    protected FacetAggregationTests(IngestHarness harness) => this.harness = harness;

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
            await db.Database.ExecuteSqlRawAsync("UPDATE articles SET \"Published\" = NULL WHERE \"Id\" % 7 = 0");
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
    public async Task FacetsGiveTheSameArticleListAsSql()
    {
        GeneratedArticles.Write(harness.Articles, 400, seed: 18);
        await harness.IngestAsync();
        await using var db = harness.Db();
        // Some undated articles and many ties of one day, in one transaction with the version, as an ingest writes.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE articles SET \"Published\" = NULL WHERE \"Id\" % 7 = 0");
            await db.Database.ExecuteSqlRawAsync("UPDATE articles SET \"Published\" = '2016-11-20' WHERE \"Id\" % 5 = 0 AND \"Id\" % 7 <> 0");
            await ContentVersion.BumpAsync(db, default);
            await transaction.CommitAsync();
        }
        var searches = new SearchMatchCache();
        var fromFacets = new AleppoDashboard.Data.Views.Articles.ArticleListCache(searches, new ArticleFacetsCache());
        var inSql = new AleppoDashboard.Data.Views.Articles.ArticleListCache(searches);
        var undatedSeen = false;
        foreach (var filter in Filters)
        {
            var expected = await inSql.GetAsync(db, filter, default);
            var actual = await fromFacets.GetAsync(db, filter, default);
            Assert.Equal(expected.NewestFirstIds, actual.NewestFirstIds);
            Assert.Equal(JsonSerializer.Serialize(expected.Outlets), JsonSerializer.Serialize(actual.Outlets));
            undatedSeen |= expected.NewestFirstIds.Any(id => id % 7 == 0);
        }
        Assert.True(undatedSeen);
    }

    [Fact]
    public async Task FacetsGiveTheSameControlViewAsSql()
    {
        GeneratedArticles.Write(harness.Articles, 400, seed: 18);
        WriteClaimArticles(harness, 150);
        await harness.IngestAsync();
        await using var db = harness.Db();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            // Undated articles, and articles dated only to the month (listed, not plotted).
            await db.Database.ExecuteSqlRawAsync("UPDATE articles SET \"Published\" = NULL WHERE \"Id\" % 7 = 0");
            await db.Database.ExecuteSqlRawAsync("UPDATE articles SET \"PublishedPrecision\" = 2 WHERE \"Id\" % 5 = 0");
            await ContentVersion.BumpAsync(db, default);
            await transaction.CommitAsync();
        }
        var scopes = await db.ControlClaims.Select(c => c.Scope).Distinct().OrderBy(s => s).ToListAsync();
        Assert.Contains("east", scopes);
        Assert.Contains(scopes, s => s.StartsWith("place:", StringComparison.Ordinal));
        var cache = new ArticleFacetsCache();
        var searches = new SearchMatchCache();
        var claims = 0;
        foreach (var plain in Filters)
        {
            foreach (var scope in scopes.Append("place:no-such-place"))
            {
                await using var snapshot = await ReadSnapshot.BeginAsync(db, default);
                var filter = await searches.WithMatchesAsync(db, plain, default);
                var fromSql = await ControlViewCache.ComputeAsync(db, filter, scope, origins: false, default);
                var fromFacets = await ControlViewCache.ComputeFromFacetsAsync(db, filter, scope, cache, default);
                Assert.Equal(JsonSerializer.Serialize(fromSql), JsonSerializer.Serialize(fromFacets));
                Assert.Equal(fromSql.Points, fromFacets.Points);
                var facets = await cache.GetAsync(db, default);
                Assert.Equal(await db.PlottableClaimCountAsync(filter, scope, default),
                    (await cache.GetClaimsAsync(db, facets, default)).PlottedCount(facets.Mask(facets.Select(filter)), scope));
                claims += fromSql.Total;
            }
        }
        Assert.True(claims > 500, $"only {claims} claims compared");
    }

    [Fact]
    public async Task SearchMatchesFromTheFullTextIndexAloneAreThoseOfSql()
    {
        var names = GeneratedArticles.Write(harness.Articles, 300, seed: 18);
        await harness.IngestAsync();
        // Some articles rewritten: their sentences get new ids, after every other article's.
        GeneratedArticles.Write(harness.Articles, 40, seed: 18, revision: 1);
        await harness.IngestAsync();
        await using var db = harness.Db();
        var facets = await new ArticleFacetsCache().GetAsync(db, default);
        Assert.NotNull(facets.Sentences);
        Assert.Equal(facets.Count, facets.Sentences!.ArticleIds.Length);
        var found = 0;
        foreach (var text in new[] { "Hanano", "rebels OR army", "\"government forces\"", "advan*", "Aleppo", "nothingmatcheszz" })
        {
            var match = SearchQuery.Parse(text).Match!;
            await using var snapshot = await ReadSnapshot.BeginAsync(db, default);
            var sql = await SearchMatchCache.ReadInSqlAsync(db, match, text, default);
            var ranges = await facets.Sentences.MatchesAsync(db, match, text, default);
            Assert.Equal(sql.ArticleIds, ranges.ArticleIds);
            Assert.Equal(sql.FirstSentenceIds, ranges.FirstSentenceIds);
            found += sql.Count;
        }
        Assert.True(found > 500, $"only {found} matches compared");
    }

    [Fact]
    public async Task SentencesNotInOneRunPerArticleAreLeftToSql()
    {
        await harness.IngestAsync();
        await using var db = harness.Db();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            // Two sentences of one article swap places: ids no longer in reading order.
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE sentences SET "Index" = -1 WHERE "ArticleId" = 1 AND "Index" = 0;
                UPDATE sentences SET "Index" = 0 WHERE "ArticleId" = 1 AND "Index" = 1;
                UPDATE sentences SET "Index" = 1 WHERE "ArticleId" = 1 AND "Index" = -1;
                """);
            await ContentVersion.BumpAsync(db, default);
            await transaction.CommitAsync();
        }
        Assert.Null((await new ArticleFacetsCache().GetAsync(db, default)).Sentences);
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
            await db.Database.ExecuteSqlRawAsync("UPDATE articles SET \"Published\" = NULL");
            await ContentVersion.BumpAsync(db, default);
            await transaction.CommitAsync();
        }
        var second = await cache.GetAsync(db, default);
        Assert.NotSame(first, second);
        Assert.All(second.Published, p => Assert.Equal(ArticleFacets.Undated, p));
        Assert.Empty(second.Select(DashboardFilter.None with { From = new DateOnly(2016, 1, 1) }));
    }

    /// <summary>Articles with control claims of the east, the city and places, from five outlets over the autumn (some dates shared).</summary>
    internal static void WriteClaimArticles(IngestHarness harness, int count)
    {
        string[] outlets = ["Reuters", "AFP", "SANA", "Press TV", "Tasnim News Agency"];
        string[] places = ["Masaken Hanano", "Sakhour", "Bustan al-Qasr"];
        var rows = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = $"claims_{i:D3}.txt";
            var share = 30 + i * 7 % 68;
            harness.Write(name, $"Army advances in Aleppo\n\nGovernment forces now control {share} percent of east Aleppo, a military source said. " +
                $"Rebels said they still hold {100 - share} percent of the city. Syrian troops have taken {share} percent of {places[i % 3]}, state media said.");
            rows.Add($"{name},{outlets[i % outlets.Length]},,{new DateOnly(2016, 9, 1).AddDays(i * 13 % 110):yyyy-MM-dd},claims");
        }
        File.AppendAllLines(Path.Combine(harness.Articles, "manifest.csv"), rows);
    }

    public void Dispose() => harness.Dispose();
}

/// <summary>
/// <see cref="FacetAggregationTests"/> on PostgreSQL: the facets read there (dates as dates, matches from the tsvector
/// index) give the same articles, map and control view as that provider's SQL.
/// </summary>
public sealed class PostgresFacetAggregationTests() : FacetAggregationTests(IngestHarness.OnPostgres().WithSeeds());
