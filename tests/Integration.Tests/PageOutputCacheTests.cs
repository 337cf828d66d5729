using System.Globalization;
using System.Net;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Web.Caching;
using AleppoDashboard.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// A repeated page URL is served from the output cache (it carries an Age header) until the content version moves;
/// then the page is rendered again. Errors are never kept, and each query string has its own entry.
/// </summary>
public class PageOutputCacheTests
{
    static async Task<(HttpStatusCode Status, bool FromCache)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, response.Headers.Age is not null);
    }

    [Fact]
    public async Task APageIsKeptUntilTheContentVersionMoves()
    {
        await using var app = new DashboardAppFactory();
        using var client = app.CreateRealClient();
        foreach (var page in DashboardRoutes.Pages)
        {
            Assert.Equal((HttpStatusCode.OK, false), await GetAsync(client, page + "?q=Sukkari"));
            Assert.Equal((HttpStatusCode.OK, true), await GetAsync(client, page + "?q=Sukkari"));
            Assert.Equal((HttpStatusCode.OK, false), await GetAsync(client, page + "?q=Sukkari&from=2016-12-01"));
        }

        using (var scope = app.Services.CreateScope())
        {
            await ContentVersion.BumpAsync(scope.ServiceProvider.GetRequiredService<DashboardDb>(), default);
        }
        foreach (var page in DashboardRoutes.Pages)
        {
            Assert.Equal((HttpStatusCode.OK, false), await GetAsync(client, page + "?q=Sukkari"));
        }
    }

    /// <summary>
    /// The state the cache keys pages by is held in memory (ContentStateWatch) with a clock that never moves here, so only
    /// the database files can tell it that another writer (an ingest process) committed: the very next request must see it.
    /// </summary>
    [Fact]
    public async Task ACommitByAnotherConnectionIsSeenOnTheNextRequestWithoutWaiting()
    {
        await using var app = new DashboardAppFactory();
        using var client = app.CreateRealClient();
        Assert.Equal((HttpStatusCode.OK, false), await GetAsync(client, "/?q=Sukkari"));
        var watch = new ContentStateWatch(DatabaseTarget.Sqlite(app.DatabasePath), new FrozenClock());
        using var scope = app.Services.CreateScope();
        var before = await watch.StateAsync(scope.ServiceProvider, default);
        Assert.Equal(before, await watch.StateAsync(scope.ServiceProvider, default));
        for (var i = 0; i < 3; i++)
        {
            await using (var other = new SqliteConnection(DataServiceExtensions.ConnectionStringFor(app.DatabasePath)))
            {
                await other.OpenAsync();
                await using var bump = other.CreateCommand();
                bump.CommandText = "UPDATE dashboard_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'";
                Assert.Equal(1, await bump.ExecuteNonQueryAsync());
            }
            var after = await watch.StateAsync(scope.ServiceProvider, default);
            Assert.Equal(long.Parse(before.Version, CultureInfo.InvariantCulture) + i + 1, long.Parse(after.Version, CultureInfo.InvariantCulture));
            Assert.Equal((HttpStatusCode.OK, false), await GetAsync(client, "/?q=Sukkari"));
            Assert.Equal((HttpStatusCode.OK, true), await GetAsync(client, "/?q=Sukkari"));
        }
    }

    /// <summary>
    /// The case file stamps cannot see: a commit that restarts the write-ahead log at its old size, within one tick of the
    /// file clock (made here by setting the files' times back). The log index's header still tells.
    /// </summary>
    [Fact]
    public async Task ACommitThatRestartsTheLogAtItsOldSizeInOneFileTickIsSeen()
    {
        await using var app = new DashboardAppFactory();
        using var client = app.CreateRealClient();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/")).Status);
        var path = app.DatabasePath;
        var watch = new ContentStateWatch(DatabaseTarget.Sqlite(path), new FrozenClock());
        using var scope = app.Services.CreateScope();
        await using var other = new SqliteConnection(DataServiceExtensions.ConnectionStringFor(path));
        await other.OpenAsync();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await ExecuteAsync(other, "UPDATE dashboard_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'");
            await ExecuteAsync(other, "PRAGMA wal_checkpoint(PASSIVE)");
            var before = await watch.StateAsync(scope.ServiceProvider, default);
            var (databaseTime, logTime, logLength) = (File.GetLastWriteTimeUtc(path), File.GetLastWriteTimeUtc(path + "-wal"), new FileInfo(path + "-wal").Length);
            await ExecuteAsync(other, "UPDATE dashboard_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'");
            // Only a log that restarted from its start keeps its size; a reader may keep it from restarting: try again.
            if (new FileInfo(path + "-wal").Length != logLength) continue;
            File.SetLastWriteTimeUtc(path, databaseTime);
            File.SetLastWriteTimeUtc(path + "-wal", logTime);
            var after = await watch.StateAsync(scope.ServiceProvider, default);
            Assert.Equal(long.Parse(before.Version, CultureInfo.InvariantCulture) + 1, long.Parse(after.Version, CultureInfo.InvariantCulture));
            return;
        }
        Assert.Fail("The write-ahead log never restarted at its old size in 20 commits.");
    }

    static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    sealed class FrozenClock : TimeProvider
    {
        public override long GetTimestamp() => 1;
    }

    [Fact]
    public async Task AnEnhancedNavigationAnswerFromTheCacheStillAllowsAnInPlacePatch()
    {
        // blazor.web.js compares the header's value case-sensitively; the cache used to give it back as "Allow",
        // which made every filter a reader had seen before (Back, Forward) a full page load.
        await using var app = new DashboardAppFactory();
        using var client = app.CreateRealClient();
        foreach (var cached in new[] { false, true })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/map?from=2016-12-05&to=2016-12-11");
            request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(cached, response.Headers.Age is not null);
            Assert.Equal(["allow"], response.Headers.GetValues("blazor-enhanced-nav"));
        }
    }

    [Fact]
    public async Task ABadRequestIsNeverKept()
    {
        await using var app = new DashboardAppFactory();
        using var client = app.CreateRealClient();
        Assert.Equal((HttpStatusCode.BadRequest, false), await GetAsync(client, "/map?color=purple"));
        Assert.Equal((HttpStatusCode.BadRequest, false), await GetAsync(client, "/map?color=purple"));
        Assert.Equal((HttpStatusCode.NotFound, false), await GetAsync(client, "/articles/999999"));
        Assert.Equal((HttpStatusCode.NotFound, false), await GetAsync(client, "/articles/999999"));
    }
}
