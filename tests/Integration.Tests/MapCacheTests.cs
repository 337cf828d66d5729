using System.Text.Json;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Integration.Tests;

/// <summary>The map's places are kept per filter until the content version moves; a change of the data shows on the next request.</summary>
public class MapCacheTests
{
    static async Task<List<string>> PlaceIdsAsync(HttpClient client, string query)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/map.geojson" + query));
        return json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList();
    }

    [Fact]
    public async Task AChangeOfTheDataShowsOnTheMapOnceTheContentVersionMoves()
    {
        await using var app = new DashboardAppFactory();
        using var client = app.CreateRealClient();
        var before = await PlaceIdsAsync(client, "");
        Assert.NotEmpty(before);
        Assert.Equal(before, await PlaceIdsAsync(client, ""));
        var gone = before[0];

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DashboardDb>();
            await db.PlaceMentions.Where(m => m.PlaceId == gone).ExecuteDeleteAsync();
            await ContentVersion.BumpAsync(db, default);
        }

        var after = await PlaceIdsAsync(client, "");
        Assert.DoesNotContain(gone, after);
        Assert.Equal(before.Skip(1).Order(), after.Order());
        // Each filter has its own entry.
        Assert.DoesNotContain(gone, await PlaceIdsAsync(client, "?from=2016-12-01"));
    }
}
