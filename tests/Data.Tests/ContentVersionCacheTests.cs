using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.TestSupport;
using Microsoft.Data.Sqlite;

namespace AleppoDashboard.Data.Tests;

/// <summary>A view cache keeps the values of one content version: an ingest's new version releases the old ones.</summary>
public sealed class ContentVersionCacheTests : IDisposable
{
    readonly TempFolder folder = new();

    [Fact]
    public async Task TheFirstValueOfANewVersionDropsTheValuesOfTheOldOne()
    {
        var databases = DataServiceExtensions.CreateFactory(folder.File("versions.db"));
        await using var db = await databases.CreateDbContextAsync();
        await SchemaInitializer.InitializeAsync(db);
        var cache = new ContentVersionCache<string>(maxEntries: 32);
        var computed = 0;
        Task<string> Compute(string value)
        {
            computed++;
            return Task.FromResult(value);
        }

        Assert.Equal("a1", await cache.GetAsync(db, "a", () => Compute("a1"), CancellationToken.None));
        Assert.Equal("b1", await cache.GetAsync(db, "b", () => Compute("b1"), CancellationToken.None));
        Assert.Equal("a1", await cache.GetAsync(db, "a", () => Compute("again"), CancellationToken.None));
        Assert.Equal((2, 2), (cache.Count, computed));

        db.Outlets.Add(new Outlet { Slug = "afp", Name = "AFP" });
        await ContentVersion.BumpAsync(db, CancellationToken.None);
        await db.SaveChangesAsync();

        Assert.Equal("a2", await cache.GetAsync(db, "a", () => Compute("a2"), CancellationToken.None));
        // "b" of the old version is gone, not waiting for its key to be asked again.
        Assert.Equal(1, cache.Count);
        Assert.Equal("b2", await cache.GetAsync(db, "b", () => Compute("b2"), CancellationToken.None));
        Assert.Equal((2, 4), (cache.Count, computed));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
