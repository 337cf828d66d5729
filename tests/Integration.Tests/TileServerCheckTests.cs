using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AleppoDashboard.TestSupport;
using AngleSharp.Html.Parser;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// /api/map/tiles.json: whether this server reaches the tile server of Map:TileUrl, which the map asks before it asks
/// the browser for tiles (so a machine without the tile server draws offline from the start).
/// </summary>
public sealed class TileServerCheckTests
{
    [Fact]
    public async Task ATileServerThatRefusesConnectionsIsUnreachableAndTheMapAsks()
    {
        await using var app = new DashboardAppFactory { TileUrl = "http://127.0.0.1:9/{z}/{x}/{y}.png" };
        using var client = app.CreateClient();
        Assert.False(await ReachableAsync(client));
        var map = new HtmlParser().ParseDocument(await client.GetStringAsync("/map")).QuerySelector("[data-map]")!;
        Assert.Equal("/api/map/tiles.json", map.GetAttribute("data-tile-check"));
    }

    [Fact]
    public async Task AListeningTileServerIsReachable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var app = new DashboardAppFactory { TileUrl = $"http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png" };
        using var client = app.CreateClient();
        Assert.True(await ReachableAsync(client));
    }

    [Fact]
    public async Task WithoutATileServerTheMapHasNothingToAsk()
    {
        await using var app = new DashboardAppFactory { TileUrl = "" };
        using var client = app.CreateClient();
        var map = new HtmlParser().ParseDocument(await client.GetStringAsync("/map")).QuerySelector("[data-map]")!;
        Assert.Null(map.GetAttribute("data-tile-check"));
        Assert.True(await ReachableAsync(client)); // nothing to reach: the answer does not send the map offline
    }

    static async Task<bool> ReachableAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/map/tiles.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("reachable").GetBoolean();
    }
}
