using System.Net.Sockets;

namespace AleppoDashboard.Web.Views.Map.Tiles;

/// <summary>
/// Whether this server can open a connection to the tile server of Map:TileUrl, checked at most every
/// <see cref="Keep"/>. On a machine without internet (an air-gapped newsroom, a sandbox) the map then draws offline
/// from the start instead of asking the browser for tiles that fail one by one, each an error in its console. A
/// reachable server still leaves the browser's own fallback in place (its network may differ from this one's).
/// </summary>
public sealed class TileServerCheck(MapTileLayer layer, ILogger<TileServerCheck> log)
{
    public const string Path = "/api/map/tiles.json";
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(5);
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    readonly Lock gate = new();
    Task<bool>? last;
    DateTime checkedAt;

    /// <summary>The address the map asks, or null when there is nothing to check (no tiles, or the local MBTiles file).</summary>
    public string? CheckUrl => layer.Local is null && TileServer() is not null ? Path : null;

    public Task<bool> ReachableAsync()
    {
        lock (gate)
        {
            if (last is null || (last.IsCompleted && DateTime.UtcNow - checkedAt > Keep))
            {
                checkedAt = DateTime.UtcNow;
                last = CheckAsync();
            }
            return last;
        }
    }

    async Task<bool> CheckAsync()
    {
        if (layer.Local is not null || TileServer() is not { } server) return true;
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(server.Host, server.Port, timeout.Token); // resolves the name too
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            log.LogInformation("The tile server {Host}:{Port} cannot be reached from this server ({Reason}); maps draw offline.",
                server.Host, server.Port, e is OperationCanceledException ? "no answer in 3 s" : e.Message);
            return false;
        }
    }

    /// <summary>The tile server of the URL template, or null for none or a template that is not an http(s) address.</summary>
    Uri? TileServer()
    {
        var sample = layer.Url.Replace("{s}", "a").Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0").Replace("{r}", "");
        return Uri.TryCreate(sample, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }
}
