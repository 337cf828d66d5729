using AleppoDashboard.Data.Reference;
using AleppoDashboard.Web.Extensions;
using AleppoDashboard.Web.Options;
using Microsoft.Extensions.Options;

namespace AleppoDashboard.Web.Views.Map;

/// <summary>
/// East and west Aleppo as areas (city-halves.geojson in the reference folder, or the copy beside the program when a
/// custom folder lacks it): the map draws these two places as shaded polygons rather than points. The file is GeoJSON
/// as it is served; it is read once.
/// </summary>
public sealed class CityAreas(IOptions<ReferenceOptions> options, IHostEnvironment environment)
{
    public const string FileName = "city-halves.geojson";

    readonly Lazy<byte[]> json = new(() => File.ReadAllBytes(Locate(options.Value.Path, environment)));

    public byte[] GeoJson => json.Value;

    static string Locate(string? path, IHostEnvironment environment)
    {
        var folder = string.IsNullOrWhiteSpace(path) ? ReferenceFiles.DefaultFolder : environment.ResolvePath(path);
        var file = Path.Combine(folder, FileName);
        return File.Exists(file) ? file : Path.Combine(ReferenceFiles.DefaultFolder, FileName);
    }
}
