using AleppoDashboard.Data;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Views.Articles;
using AleppoDashboard.Data.Views.Compare;
using AleppoDashboard.Data.Views.Control;
using AleppoDashboard.Data.Views.Facets;
using AleppoDashboard.Data.Views.Map;
using AleppoDashboard.Data.Views.Places;
using AleppoDashboard.Data.Views.Timeline;
using AleppoDashboard.Web.Caching;
using AleppoDashboard.Web.Components;
using AleppoDashboard.Web.Filtering;
using AleppoDashboard.Web.Options;
using AleppoDashboard.Web.Views.Compare;
using AleppoDashboard.Web.Views.Map;
using AleppoDashboard.Web.Views.Map.Tiles;
using AleppoDashboard.Web.Interactive;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace AleppoDashboard.Web.Extensions;

public static class ServiceExtensions
{
    public static WebApplicationBuilder AddDashboardServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration("Database");
        builder.Services.AddOptions<SeedsOptions>().BindConfiguration("Seeds");
        builder.Services.AddOptions<ReferenceOptions>().BindConfiguration("Reference");
        builder.Services.AddOptions<IngestOptions>().BindConfiguration("Ingest");
        builder.Services.AddOptions<MapOptions>().BindConfiguration("Map");
        builder.Services.AddOptions<CacheOptions>().BindConfiguration("Caches");

        var database = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new();
        var target = DatabaseTargetOf(builder, database);
        builder.Services.AddDashboardData(target);

        // Long filter links (many outlets and places, a long search) reach the app and get its own 400
        // message instead of Kestrel's bare 414 at the default 8 KB request line.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = 64 * 1024);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<RequestFilter>();
        builder.Services.AddSingleton<MapSectors>();
        builder.Services.AddSingleton<CityAreas>();
        builder.Services.AddSingleton<MapTileLayer>();
        builder.Services.AddSingleton<TileServerCheck>();
        builder.Services.AddSingleton<SearchMatchCache>();
        builder.Services.AddSingleton<ArticleListCache>();
        builder.Services.AddSingleton<CompareViewCache>();
        builder.Services.AddSingleton<ContentStateWatch>();
        builder.Services.AddOutputCache(o =>
        {
            o.AddComparePolicy();
            o.AddPagePolicy();
        });
        builder.Services.AddDashboardCompression();
        // The in-memory facets, on either provider: each web instance reads its own copy and reads it again when the
        // content version (a row every ingest raises in its transaction, on any host) moves.
        if (builder.Configuration.GetSection("Caches").Get<CacheOptions>()?.Facets ?? true) builder.Services.AddSingleton<ArticleFacetsCache>();
        builder.Services.AddSingleton<MapPlacesCache>();
        builder.Services.AddSingleton<PlacePickerCache>();
        builder.Services.AddSingleton<DaySpanCache>();
        builder.Services.AddSingleton<ControlViewCache>();
        builder.Services.AddSingleton<ViewCacheWarmer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ViewCacheWarmer>());
        // Returns the native heap's free pages each minute (Linux/glibc); see NativeHeap and PERFORMANCE.md "Soak memory".
        builder.Services.AddHostedService<NativeHeap>();
        // Counts the readers' circuits, and gives memory back once many have left (MemoryAfterReaders).
        builder.Services.AddSingleton<OpenCircuits>();
        builder.Services.AddSingleton<CircuitHandler>(services => services.GetRequiredService<OpenCircuits>());
        builder.Services.AddHostedService<MemoryAfterReaders>();
        // Pages are rendered on the server; the components that need events (the filter bar) run over a circuit.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Serve the packages' web assets (MudBlazor's _content/, _framework/blazor.web.js) from a build in every
        // environment, not only Development; a published app has them in wwwroot and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        // The reload of changed assets at run time is meant for `dotnet watch`; it sends a gzip body under a Brotli header
        // (dotnet/aspnetcore#58940) and marks every asset no-cache. appsettings.json turns it off; so does this, for an app
        // started from a folder without that file (its content root is the working folder).
        builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        builder.Services.Replace(ServiceDescriptor.Scoped<AntiforgeryStateProvider, NoAntiforgeryTokens>());
        builder.Services.AddMudServices();
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>The configured database; a bad configuration stops the start with a reason that never quotes the connection string.</summary>
    static DatabaseTarget DatabaseTargetOf(WebApplicationBuilder builder, DatabaseOptions database)
    {
        var target = DatabaseTarget.From(database.Provider, builder.Environment.ResolvePath(database.Path), database.ConnectionString, out var reason)
            ?? throw new InvalidOperationException(reason);
        if (target.Provider == DatabaseProvider.Postgres && PostgresConnection.Problem(target.ConnectionString!) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        return target;
    }

    /// <summary>A configured path made absolute against the content root.</summary>
    public static string ResolvePath(this IHostEnvironment environment, string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path));
}
