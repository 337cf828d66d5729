using AleppoDashboard.Data;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.SharedCopyDetection;
using AleppoDashboard.Data.Views.Articles;
using AleppoDashboard.Data.Views.Control;
using AleppoDashboard.Data.Views.Map;
using AleppoDashboard.TestSupport;
using AleppoDashboard.Web.Caching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// The unfiltered map and control entries are computed in the background when the content version moves, so the
/// first visitor after an ingest does not wait for them; with the warm-up off only a request fills them.
/// </summary>
public class ViewCacheWarmUpTests
{
    sealed class App(bool warmUp) : DashboardAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Caches:WarmUp", warmUp ? "true" : "false");
            builder.UseSetting("Caches:PollSeconds", "0.1");
            builder.UseSetting("Caches:QuietSeconds", "0.3");
        }
    }

    static async Task<long> VersionAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await ContentVersion.ReadAsync(scope.ServiceProvider.GetRequiredService<DashboardDb>(), default);
    }

    static async Task<long> WarmedAsync(IServiceProvider services)
    {
        var warmer = services.GetRequiredService<ViewCacheWarmer>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var version = await VersionAsync(services);
            if (version > 0 && warmer.WarmedVersion == version) return version;
            await Task.Delay(50);
        }
        throw new TimeoutException($"The warm-up did not reach content version {await VersionAsync(services)} (warmed: {warmer.WarmedVersion}).");
    }

    static async Task<bool> SharedCopiesCurrentAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await SharedCopyStore.IsCurrentAsync(scope.ServiceProvider.GetRequiredService<DashboardDb>(), default);
    }

    [Fact]
    public async Task TheUnfilteredMapAndControlAreComputedWithoutARequestAndAgainAfterTheDataChanges()
    {
        await using var app = new App(warmUp: true);
        _ = app.ServerAddress;
        var map = app.Services.GetRequiredService<MapPlacesCache>();
        var control = app.Services.GetRequiredService<ControlViewCache>();
        var articles = app.Services.GetRequiredService<ArticleListCache>();

        var first = await WarmedAsync(app.Services);
        Assert.True(articles.Holds(DashboardFilter.None, first));
        Assert.True(await SharedCopiesCurrentAsync(app.Services));
        Assert.True(map.Holds(DashboardFilter.None, first));
        Assert.True(control.Holds(DashboardFilter.None, ClaimQueries.DefaultScope, first));

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DashboardDb>();
            var gone = await db.PlaceMentions.Select(m => m.PlaceId).FirstAsync();
            await db.PlaceMentions.Where(m => m.PlaceId == gone).ExecuteDeleteAsync();
            await ContentVersion.BumpAsync(db, default);
        }

        var second = await WarmedAsync(app.Services);
        Assert.True(second > first);
        Assert.True(articles.Holds(DashboardFilter.None, second));
        // The test moved the version without a detection: the warm-up ran it, as it does for a database an older version wrote.
        Assert.True(await SharedCopiesCurrentAsync(app.Services));
        Assert.True(map.Holds(DashboardFilter.None, second));
        Assert.True(control.Holds(DashboardFilter.None, ClaimQueries.DefaultScope, second));
    }

    [Fact]
    public async Task WithTheWarmUpOffOnlyARequestFillsAnEntryAndOutletsInAnotherOrderShareIt()
    {
        await using var app = new App(warmUp: false);
        using var client = app.CreateRealClient();
        var map = app.Services.GetRequiredService<MapPlacesCache>();
        var version = await VersionAsync(app.Services);
        Assert.True(version > 0, "the seeds were loaded");
        var twoOutlets = DashboardFilter.None.WithOutlets("tasnim-news-agency", "reuters-syndicated");

        Assert.False(map.Holds(DashboardFilter.None, version));
        (await client.GetAsync("/api/map.geojson")).EnsureSuccessStatusCode();
        Assert.True(map.Holds(DashboardFilter.None, version));

        Assert.False(map.Holds(twoOutlets, version));
        (await client.GetAsync("/api/map.geojson?outlet=reuters-syndicated&outlet=tasnim-news-agency")).EnsureSuccessStatusCode();
        Assert.True(map.Holds(twoOutlets, version));
        Assert.Equal(0, app.Services.GetRequiredService<ViewCacheWarmer>().WarmedVersion);
    }
}
