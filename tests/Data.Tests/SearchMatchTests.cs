using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.Views.Articles;
using AleppoDashboard.Data.Views.Compare;
using AleppoDashboard.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Tests;

/// <summary>
/// A search's matches, read once (<see cref="SearchMatchCache"/>) and carried by the filter, select the same articles,
/// outlets and snippets as the full-text match evaluated in each query; they are read again once the content version
/// moves, and the cache keeps within its bounds.
/// </summary>
public sealed class SearchMatchTests : IDisposable
{
    const int Articles = 2_500;
    readonly TempFolder folder = new();

    static readonly DashboardFilter[] Filters =
    [
        DashboardFilter.None with { Text = "Aleppo" }, // every article: more than MatchLookupLimit
        DashboardFilter.None with { Text = "Sukkari" }, // first match in sentence 1 or 2
        DashboardFilter.None with { Text = "government forces" },
        DashboardFilter.None with { Text = "strikes" }, // fewer than MatchLookupLimit
        DashboardFilter.None with { Text = "Sukkari OR Bustan" },
        DashboardFilter.None with { Text = "advan*" },
        DashboardFilter.None with { Text = "zzzz" },
        new(new DateOnly(2016, 10, 1), new DateOnly(2016, 11, 15), ["afp", "sana"], [], "Sukkari"),
        new(null, new DateOnly(2016, 10, 1), [], [], "Aleppo"),
        new(null, null, ["reuters"], [], "strikes"),
    ];

    [Fact]
    public async Task TheMatchesSelectTheSameArticlesOutletsAndSnippetsAsTheFullTextMatch()
    {
        await using var db = await SeededAsync();
        await TheMatchesSelectAsTheFullTextMatchAsync(db);
    }

    /// <summary>PostgreSQL joins the matched ids as a set (FilterQueries.MatchedArticles), where its full-text match is a tsquery.</summary>
    [Fact]
    public async Task OnPostgreSqlTheMatchesSelectTheSameArticlesOutletsAndSnippetsAsTheFullTextMatch()
    {
        await using var server = await PostgresTestServer.CreateDatabaseAsync();
        await using var db = await SeededAsync(DataServiceExtensions.CreateFactory(DatabaseTarget.Postgres(server.ConnectionString)));
        await TheMatchesSelectAsTheFullTextMatchAsync(db);
    }

    static async Task TheMatchesSelectAsTheFullTextMatchAsync(DashboardDb db)
    {
        var cache = new SearchMatchCache();
        foreach (var filter in Filters)
        {
            var resolved = await cache.WithMatchesAsync(db, filter, default);
            Assert.NotNull(resolved.Matches);
            var ids = await db.NewestFirstIdsAsync(filter, default);
            Assert.Equal(ids, await db.NewestFirstIdsAsync(resolved, default));
            Assert.Equal(await db.OutletSummariesAsync(filter, default), await db.OutletSummariesAsync(resolved, default));
            var page = ids.Take(60).ToList();
            Assert.Equal(Sorted(await db.FirstMatchesAsync(filter, page, default)), Sorted(await db.FirstMatchesAsync(resolved, page, default)));
        }
        Assert.True((await cache.WithMatchesAsync(db, Filters[0], default)).Matches!.Count > FilterQueries.MatchLookupLimit);
        Assert.InRange((await cache.WithMatchesAsync(db, Filters[3], default)).Matches!.Count, 1, FilterQueries.MatchLookupLimit);
        var snippets = await db.FirstMatchesAsync(await cache.WithMatchesAsync(db, Filters[1], default), [2, 7], default);
        Assert.Equal([1, 2], snippets.Values.OrderBy(s => s.ArticleId).Select(s => s.SentenceIndex)); // the earliest matching sentence
    }

    [Fact]
    public async Task SentencesAreHighlightedAlikeAllAtOnceOrAFewAtATime()
    {
        await using var db = await SeededAsync();
        var all = await db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM sentence_fts WHERE sentence_fts MATCH 'Aleppo'").ToListAsync();
        Assert.True(all.Count > 100);

        var onePass = await db.HighlightSentencesAsync("Aleppo", all, default);
        var oneByOne = new List<SearchHit>();
        // A few at a time, as a page's cells and the first batch of a CSV row ask for them.
        foreach (var chunk in all.Chunk(7)) oneByOne.AddRange(await db.HighlightSentencesAsync("Aleppo", [.. chunk], default));

        static List<string> Shown(IEnumerable<SearchHit> hits) =>
            hits.OrderBy(h => h.SentenceId).Select(h => $"{h.SentenceId} {h.ArticleId} {h.Index} {string.Join(',', h.Marks)}").ToList();
        Assert.Equal(all.Count, onePass.Count);
        Assert.Equal(Shown(oneByOne), Shown(onePass));
        Assert.All(onePass, h => Assert.NotEmpty(h.Marks));
    }

    [Fact]
    public async Task MatchesOfAnotherSearchTextAreNotUsed()
    {
        await using var db = await SeededAsync();
        var resolved = await new SearchMatchCache().WithMatchesAsync(db, Filters[0], default);
        var other = resolved with { Text = "strikes" };
        Assert.Equal(await db.NewestFirstIdsAsync(Filters[3], default), await db.NewestFirstIdsAsync(other, default));
    }

    [Fact]
    public async Task MatchesAreKeptUntilTheContentVersionMoves()
    {
        await using var db = await SeededAsync();
        var cache = new SearchMatchCache();
        var first = (await cache.WithMatchesAsync(db, Filters[3], default)).Matches!;
        Assert.Same(first, (await cache.WithMatchesAsync(db, Filters[3], default)).Matches);
        Assert.Null(first.FirstSentenceOf(1));

        // Article 1 gets a sentence that matches; the index and the version move in one transaction, as an ingest does.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var sentence = new Sentence { ArticleId = 1, Index = 3, Text = "More air strikes overnight." };
            db.Sentences.Add(sentence);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync(SentenceSearchIndex.IndexNewSentencesSql.Replace("$first", "{0}"), sentence.Id);
            await ContentVersion.BumpAsync(db, default);
            await transaction.CommitAsync();
        }
        db.ChangeTracker.Clear();

        var after = (await cache.WithMatchesAsync(db, Filters[3], default)).Matches!;
        Assert.NotSame(first, after);
        Assert.Equal(first.Count + 1, after.Count);
        Assert.NotNull(after.FirstSentenceOf(1));
        Assert.Contains(1, await db.NewestFirstIdsAsync(Filters[3] with { Matches = after }, default));
    }

    [Fact]
    public async Task TheCacheIsEmptiedWhenANewSearchWouldPassItsBounds()
    {
        await using var db = await SeededAsync();
        // Two searches at most: a third one empties the cache, so the first is read again.
        var twoSearches = new SearchMatchCache(maxSearches: 2);
        var strikes = (await twoSearches.WithMatchesAsync(db, Filters[3], default)).Matches;
        await twoSearches.WithMatchesAsync(db, Filters[1], default);
        Assert.Same(strikes, (await twoSearches.WithMatchesAsync(db, Filters[3], default)).Matches);
        await twoSearches.WithMatchesAsync(db, Filters[2], default);
        Assert.NotSame(strikes, (await twoSearches.WithMatchesAsync(db, Filters[3], default)).Matches);

        // At most 3,000 matched articles in all: "Aleppo" (2,500) and "government forces" (1,250) do not fit together.
        var fewIds = new SearchMatchCache(maxHeldArticles: 3_000);
        var aleppo = (await fewIds.WithMatchesAsync(db, Filters[0], default)).Matches;
        Assert.Same(aleppo, (await fewIds.WithMatchesAsync(db, Filters[0], default)).Matches);
        await fewIds.WithMatchesAsync(db, Filters[2], default);
        Assert.NotSame(aleppo, (await fewIds.WithMatchesAsync(db, Filters[0], default)).Matches);
    }

    static List<SearchSnippet> Sorted(Dictionary<int, SearchSnippet> snippets) => snippets.Values.OrderBy(s => s.ArticleId).ToList();

    /// <summary>
    /// <see cref="Articles"/> articles of three outlets over four months, three sentences each: every one names Aleppo,
    /// even ones "Government forces advanced in Sukkari" (others "Rebels held Bustan"), every seventh "Air strikes hit
    /// Sukkari" (others "Clashes continued").
    /// </summary>
    Task<DashboardDb> SeededAsync() => SeededAsync(DataServiceExtensions.CreateFactory(folder.File("search.db")));

    static async Task<DashboardDb> SeededAsync(IDbContextFactory<DashboardDb> factory)
    {
        var db = await factory.CreateDbContextAsync();
        await SchemaInitializer.InitializeAsync(db);
        Outlet[] outlets = [new() { Slug = "afp", Name = "AFP" }, new() { Slug = "sana", Name = "SANA" }, new() { Slug = "reuters", Name = "Reuters" }];
        for (var i = 1; i <= Articles; i++)
        {
            db.Articles.Add(new Article
            {
                Outlet = outlets[i % 3], Headline = $"h{i}", Body = "b", SourceFile = $"{i}.txt", ContentHash = $"{i}",
                Published = i % 50 == 0 ? null : new DateOnly(2016, 9, 1).AddDays(i % 120),
                Sentences =
                [
                    new() { Index = 0, Text = $"Report {i} from Aleppo." },
                    new() { Index = 1, Text = i % 2 == 0 ? "Government forces advanced in Sukkari." : "Rebels held Bustan." },
                    new() { Index = 2, Text = i % 7 == 0 ? "Air strikes hit Sukkari." : "Clashes continued." },
                ],
            });
        }
        await db.SaveChangesAsync();
        // PostgreSQL's search column is generated with each row.
        if (!db.IsPostgres()) await db.Database.ExecuteSqlRawAsync(SentenceSearchIndex.IndexNewSentencesSql.Replace("$first", "{0}"), 0);
        await ContentVersion.BumpAsync(db, default);
        db.ChangeTracker.Clear();
        return db;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
