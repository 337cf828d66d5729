using Microsoft.Data.Sqlite;

namespace AleppoDashboard.TestSupport;

/// <summary>
/// Small MBTiles files made by the tests: every tile over Aleppo at a few zooms, stored by TMS row as the spec says,
/// each a one-pixel PNG of its own colour, so a test can tell which tile it was given.
/// </summary>
public static class TestMbTiles
{
    /// <summary>A 1×1 PNG (a valid image a browser draws, stretched to the tile).</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>Aleppo's bounding box, with a margin: west, south, east, north.</summary>
    public static readonly (double West, double South, double East, double North) Aleppo = (36.95, 36.05, 37.40, 36.35);

    /// <summary>Writes the file; returns the XYZ coordinates of the tiles it holds, the first one's bytes tagged as <see cref="Tagged"/>.</summary>
    public static List<(int Z, int X, int Y)> Create(string path, int minZoom = 10, int maxZoom = 14, string attribution = "Test tiles")
    {
        var written = new List<(int, int, int)>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "CREATE TABLE metadata (name TEXT, value TEXT)");
        Execute(connection, "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
        Execute(connection, "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
        foreach (var (name, value) in new[] { ("name", "Aleppo test tiles"), ("format", "png"), ("minzoom", $"{minZoom}"), ("maxzoom", $"{maxZoom}"), ("attribution", attribution) })
        {
            Execute(connection, "INSERT INTO metadata VALUES ($a, $b)", name, value);
        }
        for (var z = minZoom; z <= maxZoom; z++)
        {
            var (x0, y0) = TileOf(Aleppo.West, Aleppo.North, z);
            var (x1, y1) = TileOf(Aleppo.East, Aleppo.South, z);
            for (var x = x0; x <= x1; x++)
            {
                for (var y = y0; y <= y1; y++)
                {
                    // MBTiles rows count from the south (TMS).
                    Execute(connection, "INSERT INTO tiles VALUES ($a, $b, $c, $d)", z, x, (1 << z) - 1 - y, written.Count == 0 ? Tagged : Png);
                    written.Add((z, x, y));
                }
            }
        }
        transaction.Commit();
        return written;
    }

    /// <summary>The first tile's bytes: the PNG with a trailing byte, so a test sees it got that tile and not another.</summary>
    public static byte[] Tagged => [.. Png, 0x2A];

    /// <summary>The XYZ tile (Leaflet's numbering, row 0 at the north) that holds a point.</summary>
    public static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var rad = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * n);
        return (x, y);
    }

    static void Execute(SqliteConnection connection, string sql, params object[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var names = new[] { "$a", "$b", "$c", "$d" };
        for (var i = 0; i < values.Length; i++) command.Parameters.AddWithValue(names[i], values[i]);
        command.ExecuteNonQuery();
    }
}
