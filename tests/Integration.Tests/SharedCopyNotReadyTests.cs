using System.Net;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.SharedCopyDetection;
using AleppoDashboard.TestSupport;
using AleppoDashboard.Web.Exports;
using AleppoDashboard.Web.Views.Compare;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Integration.Tests;

/// <summary>The seeds app without the background warm-up, which would otherwise run a missing detection itself.</summary>
public sealed class NoWarmUpApp : DashboardAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Caches:WarmUp", "false");
    }
}

/// <summary>
/// The stored shared-copy map belongs to one content version. After articles change and before the ingest's detection
/// has stored the new map, /compare must render without copy marks and say that they are not known yet (never show the
/// older map as the current one), the CSV must say the same in its shared_with column, and once the map is stored both
/// show the copies again.
/// </summary>
public class SharedCopyNotReadyTests(NoWarmUpApp app) : IClassFixture<NoWarmUpApp>
{
    const string PlanQuery = "\"according to plan\"";
    readonly HttpClient client = app.CreateRealClient();

    [Fact]
    public async Task PageAndExportSayCopiesAreNotKnownUntilTheDetectionOfTheCurrentArticlesIsStored()
    {
        var url = "/compare?q=" + Uri.EscapeDataString(PlanQuery);
        // The seeds' ingest stored the map of its articles.
        var row = ComparePageHtml.Rows(await client.GetStringAsync(url))["text:" + PlanQuery];
        Assert.True(Assert.Single(row["tasnim-news-agency"]).Shared);

        // Articles changed (as an ingest's batch does) and the detection has not stored their map yet.
        var databases = app.Services.GetRequiredService<IDbContextFactory<DashboardDb>>();
        await using (var db = await databases.CreateDbContextAsync())
        {
            await ContentVersion.BumpAsync(db, default);
        }
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"shared-not-ready\"", html);
        Assert.Contains("Not known yet: the shared-copy detection is still running.", html);
        row = ComparePageHtml.Rows(html)["text:" + PlanQuery];
        Assert.False(Assert.Single(row["tasnim-news-agency"]).Shared);
        Assert.False(Assert.Single(row["reuters-syndicated"]).Shared);
        // The wire row is left out rather than shown as empty cells ("said nothing").
        Assert.DoesNotContain("wire", ComparePageHtml.Rows(await client.GetStringAsync("/compare?topic=wire")).Keys);
        var csv = CompareCsv.Parse(await client.GetStringAsync("/export/compare.csv?q=" + Uri.EscapeDataString(PlanQuery)));
        Assert.NotEmpty(csv);
        Assert.All(csv, r => Assert.Equal(CompareExports.CopiesNotKnown, r["shared_with"]));

        var update = await SharedCopyStore.UpdateAsync(databases, TimeProvider.System, default);
        Assert.True(update is { Stored: true, SharedSentences: > 0 });
        // Rendered again with the marks (not the page kept by the output cache without them).
        var ready = await client.GetAsync(url);
        Assert.Null(ready.Headers.Age);
        html = await ready.Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"shared-not-ready\"", html);
        row = ComparePageHtml.Rows(html)["text:" + PlanQuery];
        Assert.True(Assert.Single(row["tasnim-news-agency"]).Shared);
        Assert.True(Assert.Single(row["reuters-syndicated"]).Shared);
        csv = CompareCsv.Parse(await client.GetStringAsync("/export/compare.csv?topic=wire"));
        Assert.Contains(csv, r => r["outlet_slug"] == "tasnim-news-agency" && r["shared_with"].StartsWith("Reuters (syndicated) article "));
        // A second update finds the map current and does nothing.
        Assert.Null(await SharedCopyStore.UpdateAsync(databases, TimeProvider.System, default));
    }
}
