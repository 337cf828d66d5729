using System.Net;
using AleppoDashboard.Web.Extensions;
using AleppoDashboard.Web.Options;
using Microsoft.Extensions.Options;

namespace AleppoDashboard.Web.Views.Map.Tiles;

/// <summary>
/// The basemap the map pages draw: a local MBTiles file when Map:Tiles is set (served at /tiles/{z}/{x}/{y}.png), else
/// Map:TileUrl (OpenStreetMap by default; empty for none). The file is opened and checked when the app starts, so a
/// wrong path stops the start with one line saying what is wrong instead of a map that silently shows no tiles.
/// </summary>
public sealed class MapTileLayer
{
    public MapTileLayer(IOptions<MapOptions> options, IHostEnvironment environment)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Tiles))
        {
            Url = settings.TileUrl;
            Attribution = settings.TileAttribution;
            return;
        }
        Local = MbTiles.Open(environment.ResolvePath(settings.Tiles.Trim()));
        Url = "/tiles/{z}/{x}/{y}." + Local.Format;
        // The file's attribution is text (Leaflet writes attributions as HTML).
        Attribution = WebUtility.HtmlEncode(Local.Attribution ?? "Map tiles from a local file");
        MaxNativeZoom = Local.MaxZoom;
    }

    /// <summary>The local tiles, or null when the map uses a tile server.</summary>
    public MbTiles? Local { get; }

    /// <summary>The Leaflet tile URL template; empty for no tiles.</summary>
    public string Url { get; }

    /// <summary>The attribution, as HTML.</summary>
    public string Attribution { get; }

    /// <summary>The deepest zoom the local file has: Leaflet enlarges its tiles beyond it instead of asking for missing ones.</summary>
    public int? MaxNativeZoom { get; }
}
