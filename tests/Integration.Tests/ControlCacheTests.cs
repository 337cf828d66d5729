using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// /control, /api/claims and the overview's count are kept per filter and scope until the content version moves;
/// a change of the data shows on the next request of each.
/// </summary>
public partial class ControlCacheTests
{
    static async Task<List<int>> PointIdsAsync(HttpClient client, string query)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/claims" + query));
        return json.RootElement.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
    }

    static async Task<int> ControlTotalAsync(HttpClient client, string query) =>
        PageNumbers.Of(TotalRows().Match(await client.GetStringAsync("/control" + query)));

    static async Task<int> OverviewPlottedAsync(HttpClient client, string query) =>
        PageNumbers.Of(OverviewCount().Match(await client.GetStringAsync("/" + query)));

    static async Task DeleteClaimAsync(DashboardAppFactory app, int id)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDb>();
        Assert.Equal(1, await db.ControlClaims.Where(c => c.Id == id).ExecuteDeleteAsync());
        await ContentVersion.BumpAsync(db, default);
    }

    [Fact]
    public async Task AChangeOfTheDataShowsInTheChartTheTableAndTheOverviewOnceTheContentVersionMoves()
    {
        await using var app = new DashboardAppFactory();
        using var client = app.CreateRealClient();
        var points = await PointIdsAsync(client, "?scope=east");
        Assert.True(points.Count >= 2);
        var total = await ControlTotalAsync(client, "");
        var plotted = await OverviewPlottedAsync(client, "");
        Assert.Equal(points.Count, plotted);
        // Asked again: the cached answers are the same.
        Assert.Equal(points, await PointIdsAsync(client, "?scope=east"));
        Assert.Equal(total, await ControlTotalAsync(client, ""));
        Assert.Equal(plotted, await OverviewPlottedAsync(client, ""));

        await DeleteClaimAsync(app, points[0]);

        Assert.Equal(points.Skip(1), await PointIdsAsync(client, "?scope=east"));
        Assert.Equal(total - 1, await ControlTotalAsync(client, ""));
        Assert.Equal(plotted - 1, await OverviewPlottedAsync(client, ""));
    }

    [Fact]
    public async Task TheOverviewCountKeptAloneAlsoFollowsTheData()
    {
        // The overview asked first (its count is kept on its own), then again after a change, before any /control request.
        await using var app = new DashboardAppFactory();
        using var client = app.CreateRealClient();
        var plotted = await OverviewPlottedAsync(client, "");
        Assert.True(plotted >= 1);
        Assert.Equal(plotted, await OverviewPlottedAsync(client, ""));
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DashboardDb>();
            var id = await db.ControlClaims.Where(c => c.Scope == "east" && c.Article.Published != null && c.Article.PublishedPrecision == AleppoDashboard.Data.Articles.DatePrecision.Day)
                .Select(c => c.Id).FirstAsync();
            await db.ControlClaims.Where(c => c.Id == id).ExecuteDeleteAsync();
            await ContentVersion.BumpAsync(db, default);
        }
        Assert.Equal(plotted - 1, await OverviewPlottedAsync(client, ""));
    }

    [GeneratedRegex(@"data-claim-rows>Rows [\d,]+–[\d,]+ of ([\d,]+)<")]
    private static partial Regex TotalRows();

    [GeneratedRegex(@"Open the control chart: (\d+) claims")]
    private static partial Regex OverviewCount();
}
