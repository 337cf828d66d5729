using System.Globalization;
using CsvHelper;

namespace AleppoDashboard.Data.Reference;

/// <summary>
/// Reads the editable reference files (gazetteer, framing lexicon, outlet profiles) from one folder.
/// A malformed row stops the load with a message naming the file and line: reference data that is
/// silently half-read would make every view quietly wrong.
/// </summary>
public sealed class ReferenceFiles(string folder)
{
    public const string GazetteerFile = "aleppo-neighbourhoods.csv";
    public const string LexiconFile = "framing-lexicon.csv";
    public const string OutletsFile = "outlets.csv";
    public const string SectorsFile = "map-sectors.csv";
    public const string SourcesFile = "sources.csv";
    public const string CuesFile = "extraction-cues.csv";
    public const string ArabicCuesFile = "extraction-cues-ar.csv";

    /// <summary>Every reference file; a change to any of them means derived facts must be rebuilt.</summary>
    public static readonly IReadOnlyList<string> AllFiles = [GazetteerFile, LexiconFile, OutletsFile, SourcesFile, CuesFile, ArabicCuesFile];

    /// <summary>The folder shipped beside the program (src/Data/Reference, copied on build).</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Reference");

    public string Folder { get; } = Path.GetFullPath(folder);

    public IReadOnlyList<Place> ReadGazetteer() => Read(GazetteerFile, csv => new Place
    {
        Id = Required(csv, "id"),
        Name = Required(csv, "name"),
        Aliases = Optional(csv, "aliases") ?? "",
        AliasesAr = Optional(csv, "aliases_ar") ?? "",
        NameAr = NullIfEmpty(Optional(csv, "name_ar")),
        Kind = Required(csv, "kind"),
        Sector = Required(csv, "sector"),
        Lat = double.Parse(Required(csv, "lat"), CultureInfo.InvariantCulture),
        Lon = double.Parse(Required(csv, "lon"), CultureInfo.InvariantCulture),
        Confidence = Required(csv, "confidence"),
        Source = NullIfEmpty(Optional(csv, "source")),
        Notes = NullIfEmpty(Optional(csv, "notes")),
    });

    public IReadOnlyList<FramingTerm> ReadLexicon() => Read(LexiconFile, csv => new FramingTerm
    {
        Id = Required(csv, "id"),
        Label = Required(csv, "label"),
        Group = Required(csv, "group"),
        GroupLabel = Required(csv, "group_label"),
        Variants = Optional(csv, "variants") ?? "",
    });

    public IReadOnlyList<OutletProfile> ReadOutlets() => Read(OutletsFile, csv => new OutletProfile(
        Required(csv, "slug"),
        Required(csv, "name"),
        Split(Optional(csv, "aliases")),
        Optional(csv, "description") ?? "",
        Split(Optional(csv, "dateline_patterns")))
    {
        Domains = Split(Optional(csv, "domains")).Select(d => d.ToLowerInvariant()).ToList(),
    });

    public IReadOnlyList<SectorLabel> ReadSectors() => Read(SectorsFile, csv => new SectorLabel(
        Required(csv, "sector"),
        Required(csv, "label"),
        Optional(csv, "description") ?? ""));

    public IReadOnlyList<SourcePattern> ReadSources() => Read(SourcesFile, csv => new SourcePattern(
        Required(csv, "name"),
        Required(csv, "kind"),
        Split(Required(csv, "patterns")),
        Optional(csv, "needs_speech")?.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase) == true,
        NullIfEmpty(Optional(csv, "side"))));

    public IReadOnlyList<ExtractionCue> ReadCues() => ReadCues(CuesFile);

    /// <summary>The Arabic cue words (extraction-cues-ar.csv), in the same columns as the English ones.</summary>
    public IReadOnlyList<ExtractionCue> ReadArabicCues() => ReadCues(ArabicCuesFile);

    IReadOnlyList<ExtractionCue> ReadCues(string file) => Read(file, csv => new ExtractionCue(
        Required(csv, "role"),
        Required(csv, "value"),
        Split(Required(csv, "phrases"))));

    IReadOnlyList<T> Read<T>(string file, Func<CsvReader, T> map)
    {
        var path = Path.Combine(Folder, file);
        if (!File.Exists(path))
        {
            throw new ReferenceDataException($"{path}: reference file not found.");
        }
        using var csv = CsvReader.Create(new StreamReader(path), new CsvReaderOptions { TrackLineNumbers = true }, leaveOpen: false);
        var rows = new List<T>();
        try
        {
            while (csv.Read())
            {
                rows.Add(map(csv));
            }
        }
        catch (Exception e) when (e is FormatException or CsvFormatException or ReferenceDataException or ArgumentException)
        {
            throw new ReferenceDataException($"{path}, line {csv.LineNumber}: {e.Message}");
        }
        return rows;
    }

    static string? Optional(CsvReader csv, string column) =>
        csv.TryGetFieldIndex(column, out var index) ? csv.GetString(index) : null;

    static string Required(CsvReader csv, string column) =>
        NullIfEmpty(Optional(csv, column)) ?? throw new ReferenceDataException($"column '{column}' is empty.");

    static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    static IReadOnlyList<string> Split(string? value) =>
        (value ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
