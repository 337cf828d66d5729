using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Tests;

/// <summary>
/// A new database is created with 16 KiB pages (fewer page reads and writes in a large load); a database made before,
/// with SQLite's 4 KiB pages, keeps them and is opened and written as before.
/// </summary>
public sealed class DatabasePageSizeTests : IDisposable
{
    readonly TempFolder folder = new();

    static async Task<long> PageSizeAsync(DashboardDb db) =>
        (await db.Database.SqlQueryRaw<long>("SELECT page_size AS Value FROM pragma_page_size()").ToListAsync())[0];

    [Fact]
    public async Task ANewDatabaseHas16KibPages()
    {
        var databases = DataServiceExtensions.CreateFactory(folder.File("new.db"));
        await using var db = await databases.CreateDbContextAsync();
        await SchemaInitializer.InitializeAsync(db);
        Assert.Equal(16384, await PageSizeAsync(db));
    }

    [Fact]
    public async Task AnExistingDatabaseKeepsItsPagesAndStillWorks()
    {
        var path = folder.File("old.db");
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = "PRAGMA page_size=4096; CREATE TABLE schema_info (version INTEGER NOT NULL);";
            create.ExecuteNonQuery();
        }
        var databases = DataServiceExtensions.CreateFactory(path);
        await using var db = await databases.CreateDbContextAsync();
        await SchemaInitializer.InitializeAsync(db);
        db.Outlets.Add(new Outlet { Slug = "afp", Name = "AFP" });
        await db.SaveChangesAsync();
        Assert.Equal(4096, await PageSizeAsync(db));
        Assert.Equal(1, await db.Outlets.CountAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
