using AleppoDashboard.Data.Reference;
using AleppoDashboard.Web.Extensions;
using AleppoDashboard.Web.Options;
using Microsoft.Extensions.Options;

namespace AleppoDashboard.Web.Views.Map;

/// <summary>
/// The sectors' names for the map legend and popups, read once from map-sectors.csv in the reference folder
/// (falling back to the copy beside the program when a custom folder predates the file).
/// </summary>
public sealed class MapSectors(IOptions<ReferenceOptions> options, IHostEnvironment environment)
{
    readonly Lazy<IReadOnlyList<SectorLabel>> labels = new(() => Read(options.Value.Path, environment));

    public IReadOnlyList<SectorLabel> All => labels.Value;

    public string LabelOf(string sector) => All.FirstOrDefault(s => s.Sector == sector)?.Label ?? sector;

    static IReadOnlyList<SectorLabel> Read(string? path, IHostEnvironment environment)
    {
        var folder = string.IsNullOrWhiteSpace(path) ? ReferenceFiles.DefaultFolder : environment.ResolvePath(path);
        if (!File.Exists(Path.Combine(folder, ReferenceFiles.SectorsFile)))
        {
            folder = ReferenceFiles.DefaultFolder;
        }
        return new ReferenceFiles(folder).ReadSectors();
    }
}
