namespace AleppoDashboard.Web.Options;

/// <summary>
/// Section "Database": the provider (sqlite, the default, or postgres), where the SQLite file lives (relative paths are
/// from the content root) and the PostgreSQL connection string (a secret: never logged nor shown).
/// </summary>
public sealed class DatabaseOptions
{
    public string Provider { get; set; } = "sqlite";
    public string Path { get; set; } = "App_Data/aleppo-dashboard.db";
    public string? ConnectionString { get; set; }
}

/// <summary>Section "Seeds": the article folder loaded on first start when the database holds no articles.</summary>
public sealed class SeedsOptions
{
    public string Path { get; set; } = "../../seeds";
    public bool AutoIngest { get; set; } = true;
}

/// <summary>Section "Reference": the folder with the gazetteer, lexicon and outlet files (empty: the copy beside the program).</summary>
public sealed class ReferenceOptions
{
    public string? Path { get; set; }
}

/// <summary>Section "Ingest": limits for article files.</summary>
public sealed class IngestOptions
{
    public long MaxFileBytes { get; set; } = AleppoDashboard.Ingest.Files.ArticleFileReader.DefaultMaxBytes;
}

/// <summary>
/// Section "Map": the basemap tile URL template (empty: no tile layer, offline), or <see cref="Tiles"/>, a local
/// MBTiles file served by the app, which then takes the place of the URL.
/// </summary>
public sealed class MapOptions
{
    public string? Tiles { get; set; }

    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public string TileAttribution { get; set; } = "&copy; OpenStreetMap contributors";
}

/// <summary>
/// Section "Caches": the unfiltered map and control views are computed in the background once the data has been
/// still for <see cref="QuietSeconds"/> (checked every <see cref="PollSeconds"/>), so the first visitor after an
/// ingest does not wait for them. <see cref="WarmUp"/> false leaves them to the first request.
/// </summary>
public sealed class CacheOptions
{
    public bool WarmUp { get; set; } = true;
    public double PollSeconds { get; set; } = 2;
    public double QuietSeconds { get; set; } = 5;

    /// <summary>
    /// Compute the map, the control view and search matches from in-memory per-article facets (Data/Views/Facets); false
    /// computes them in SQL as before, for the corpus benchmark's before/after runs on one build.
    /// </summary>
    public bool Facets { get; set; } = true;
}
