using AleppoDashboard.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Loading;

public class SchemaUpgradeTests
{
    [Fact]
    public async Task AnOlderDatabaseIsUpgradedWithoutLosingArticles()
    {
        using var harness = new IngestHarness().WithSeeds();
        await harness.IngestAsync();
        await using (var db = harness.Db())
        {
            // Make the file look like one written by an older version of the schema.
            await db.Database.ExecuteSqlRawAsync("UPDATE schema_info SET version = 0");
        }

        var corpus = await harness.OpenAsync();

        Assert.Equal("the database schema was upgraded", corpus.RebuiltBecause);
        await using var after = harness.Db();
        Assert.Equal(5, await after.Articles.CountAsync());
        Assert.True(await after.Sentences.CountAsync() > 100);
        Assert.Equal(SchemaInitializer.CurrentVersion, (await after.Database.SqlQueryRaw<int>("SELECT version AS Value FROM schema_info").ToListAsync()).Single());
        Assert.NotEmpty(await after.MatchingSentencesList("Sukkari"));
    }
}

static class SearchExtensions
{
    public static Task<List<Data.Articles.Sentence>> MatchingSentencesList(this Data.DashboardDb db, string text) =>
        Data.Filtering.FilterQueries.MatchingSentences(db, text).ToListAsync();
}
