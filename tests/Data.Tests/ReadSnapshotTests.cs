using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Reads;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Tests;

/// <summary>A read snapshot sees one state of the database and neither blocks nor waits for a writer.</summary>
public sealed class ReadSnapshotTests : IDisposable
{
    readonly TempFolder folder = new();

    [Fact]
    public async Task ReadsInASnapshotDoNotSeeAWriteCommittedMeanwhileAndDoNotBlockIt()
    {
        var databases = DataServiceExtensions.CreateFactory(folder.File("snapshot.db"));
        await using (var setup = await databases.CreateDbContextAsync())
        {
            await SchemaInitializer.InitializeAsync(setup);
            setup.Outlets.Add(new Outlet { Slug = "afp", Name = "AFP" });
            await setup.SaveChangesAsync();
        }
        await using var reader = await databases.CreateDbContextAsync();
        await using var writer = await databases.CreateDbContextAsync();

        await using (await ReadSnapshot.BeginAsync(reader, CancellationToken.None))
        {
            Assert.Equal(1, await reader.Outlets.CountAsync());

            writer.Outlets.Add(new Outlet { Slug = "reuters", Name = "Reuters" });
            var write = writer.SaveChangesAsync();
            Assert.True(await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(10))) == write, "the writer waited for the reader");
            await write;

            Assert.Equal(1, await reader.Outlets.CountAsync());
        }
        Assert.Equal(2, await reader.Outlets.CountAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
