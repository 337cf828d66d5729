namespace AleppoDashboard.Web.Views.Map.Tiles;

/// <summary>
/// <c>/tiles/{z}/{x}/{y}.{format}</c>: the local MBTiles file's tiles (Map:Tiles); 404 for a tile it lacks.
/// <c>/api/map/tiles.json</c>: whether this server reaches the tile server (<see cref="TileServerCheck"/>).
/// </summary>
public static class TileEndpoints
{
    public static IEndpointRouteBuilder MapTiles(this IEndpointRouteBuilder app)
    {
        // Opened (and checked) now: a bad Map:Tiles stops the start with its reason.
        var layer = app.ServiceProvider.GetRequiredService<MapTileLayer>();
        if (layer.Local is { } tiles)
        {
            app.MapGet("/tiles/{z:int}/{x:int}/{y:int}.{format}", async (int z, int x, int y, string format, HttpContext context, CancellationToken ct) =>
            {
                if (!string.Equals(format, tiles.Format, StringComparison.OrdinalIgnoreCase)) return Results.NotFound();
                var tile = await tiles.TileAsync(z, x, y, ct);
                if (tile is null) return Results.NotFound();
                // Tiles of a file change only when the file is replaced (and the app restarted): a day in the browser's cache.
                context.Response.Headers.CacheControl = "public, max-age=86400";
                return Results.Bytes(tile, tiles.ContentType);
            });
        }
        app.MapGet(TileServerCheck.Path, async (TileServerCheck check, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(new { reachable = await check.ReachableAsync() });
        });
        return app;
    }
}
