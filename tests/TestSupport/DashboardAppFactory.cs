using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.TestSupport;

/// <summary>
/// The real web app on Kestrel, on a free loopback port, with a fresh SQLite file that it fills from
/// <paramref name="articleFolder"/> (the seeds by default) on first start, and no map tiles (no network).
/// With <paramref name="postgres"/> (a connection string) the app runs on that PostgreSQL database instead.
/// </summary>
public class DashboardAppFactory(string? articleFolder = null, string? postgres = null) : WebApplicationFactory<Program>
{
    readonly TempFolder data = new();

    public string DatabasePath => data.File("dashboard.db");

    /// <summary>Map:TileUrl; empty (no tiles) unless a test gives one, e.g. an unreachable server.</summary>
    public string TileUrl { get; init; } = "";

    /// <summary>Map:Tiles, a local MBTiles file; none unless a test gives one.</summary>
    public string? Tiles { get; init; }

    /// <summary>The base address of the running server, e.g. http://127.0.0.1:41234/.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/') + "/");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        UseKestrel(0);
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Database:Provider", postgres is null ? "sqlite" : "postgres");
        if (postgres is not null) builder.UseSetting("Database:ConnectionString", postgres);
        builder.UseSetting("Seeds:Path", articleFolder ?? RepoPaths.Seeds);
        builder.UseSetting("Seeds:AutoIngest", "true");
        builder.UseSetting("Map:TileUrl", TileUrl);
        if (Tiles is not null) builder.UseSetting("Map:Tiles", Tiles);
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }

    /// <summary>An HttpClient on the real Kestrel port (not the in-memory test server).</summary>
    public HttpClient CreateRealClient() => new() { BaseAddress = ServerAddress };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) data.Dispose();
    }
}
