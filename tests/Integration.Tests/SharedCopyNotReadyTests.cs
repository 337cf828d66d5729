using System.Net;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Queries.Compare;
using AleppoDashboard.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// The seeds app with the shared-copy detection held back until the test lets it finish, and /compare told not to wait
/// for it: the page must render at once without copy marks and say that they are not ready, then show them once done.
/// </summary>
public sealed class HeldDetectionApp : DashboardAppFactory
{
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Compare:SharedCopyWait", "00:00:00");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<SharedCopyCache>(sp => new HeldSharedCopyCache(sp.GetRequiredService<IDbContextFactory<DashboardDb>>(), Release.Task));
        });
    }

    sealed class HeldSharedCopyCache(IDbContextFactory<DashboardDb> databases, Task release) : SharedCopyCache(databases)
    {
        protected override async Task<SharedCopies> DetectAsync(DashboardDb db, CancellationToken ct)
        {
            await release;
            return await base.DetectAsync(db, ct);
        }
    }
}

public class SharedCopyNotReadyTests(HeldDetectionApp app) : IClassFixture<HeldDetectionApp>
{
    const string PlanQuery = "\"according to plan\"";
    readonly HttpClient client = app.CreateRealClient();

    [Fact]
    public async Task PageSaysMarksAreNotReadyWhileDetectionRunsThenShowsThem()
    {
        var url = "/compare?q=" + Uri.EscapeDataString(PlanQuery);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"shared-not-ready\"", html);
        Assert.Contains("Not known yet: the shared-copy detection is still running.", html);
        var row = ComparePageHtml.Rows(html)["text:" + PlanQuery];
        Assert.False(Assert.Single(row["tasnim-news-agency"]).Shared);
        Assert.False(Assert.Single(row["reuters-syndicated"]).Shared);
        // While the detection runs the page without marks is kept by the output cache (it is 1.5 MB at 100,000 articles).
        var again = await client.GetAsync(url);
        Assert.NotNull(again.Headers.Age);
        Assert.Contains("id=\"shared-not-ready\"", await again.Content.ReadAsStringAsync());
        // The wire row is left out rather than shown as empty cells ("said nothing").
        Assert.DoesNotContain("wire", ComparePageHtml.Rows(await client.GetStringAsync("/compare?topic=wire")).Keys);

        app.Release.SetResult();
        // The export waits for the detection, so it lists the copies; after it the page has them too.
        var csv = CompareCsv.Parse(await client.GetStringAsync("/export/compare.csv?topic=wire"));
        Assert.Contains(csv, r => r["outlet_slug"] == "tasnim-news-agency" && r["shared_with"].StartsWith("Reuters (syndicated) article "));
        // Once the map is ready the page is rendered again, with the marks (not the kept page without them).
        var ready = await client.GetAsync(url);
        Assert.Null(ready.Headers.Age);
        html = await ready.Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"shared-not-ready\"", html);
        row = ComparePageHtml.Rows(html)["text:" + PlanQuery];
        Assert.True(Assert.Single(row["tasnim-news-agency"]).Shared);
        Assert.True(Assert.Single(row["reuters-syndicated"]).Shared);
    }
}
