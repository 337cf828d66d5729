namespace AleppoDashboard.Data.Reference;

/// <summary>A row of Reference/map-sectors.csv: how a gazetteer sector value is named and explained in the map's legend.</summary>
public sealed record SectorLabel(string Sector, string Label, string Description);
