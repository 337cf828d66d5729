using Microsoft.Data.Sqlite;

namespace AleppoDashboard.Web.Views.Map.Tiles;

/// <summary>The reason a file given as Map:Tiles cannot be served, in one line.</summary>
public sealed class MbTilesException(string message) : Exception(message);

/// <summary>
/// A raster MBTiles file (the MBTiles 1.3 spec: an SQLite database with <c>metadata(name, value)</c> and
/// <c>tiles(zoom_level, tile_column, tile_row, tile_data)</c>), read-only, for newsrooms without network. MBTiles rows
/// are numbered as TMS tiles (row 0 at the south), while Leaflet asks for XYZ tiles (row 0 at the north): the row is
/// flipped on every read.
/// </summary>
public sealed class MbTiles
{
    static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["png"] = "image/png",
        ["jpg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg",
        ["webp"] = "image/webp",
    };

    readonly string connectionString;

    MbTiles(string path, string format, string? attribution, int? minZoom, int? maxZoom)
    {
        connectionString = ConnectionString(path);
        Path = path;
        Format = format;
        Attribution = attribution;
        MinZoom = minZoom;
        MaxZoom = maxZoom;
    }

    public string Path { get; }

    /// <summary>The tiles' image format (<c>png</c>, <c>jpg</c>, <c>webp</c>): the served URLs end with it.</summary>
    public string Format { get; }

    public string ContentType => ContentTypes[Format];

    /// <summary>The file's own attribution (plain text from its metadata), if it has one.</summary>
    public string? Attribution { get; }

    public int? MinZoom { get; }

    public int? MaxZoom { get; }

    /// <summary>Opens and checks the file; throws <see cref="MbTilesException"/> saying what is wrong with it.</summary>
    public static MbTiles Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new MbTilesException($"Map:Tiles names '{path}', which does not exist. Give the path of an .mbtiles file (relative paths are from src/Web), or leave Map:Tiles empty.");
        }
        try
        {
            using var connection = new SqliteConnection(ConnectionString(path));
            connection.Open();
            if (!HasTable(connection, "tiles") || !HasTable(connection, "metadata"))
            {
                throw new MbTilesException($"Map:Tiles '{path}' is an SQLite file without the 'tiles' and 'metadata' tables of an MBTiles file.");
            }
            var metadata = ReadMetadata(connection);
            var format = metadata.GetValueOrDefault("format")?.Trim().ToLowerInvariant() ?? "png";
            if (!ContentTypes.ContainsKey(format))
            {
                throw new MbTilesException($"Map:Tiles '{path}' holds '{format}' tiles; the map draws raster tiles only (png, jpg or webp).");
            }
            return new MbTiles(path, format == "jpeg" ? "jpg" : format, metadata.GetValueOrDefault("attribution"),
                Zoom(metadata.GetValueOrDefault("minzoom")), Zoom(metadata.GetValueOrDefault("maxzoom")));
        }
        catch (SqliteException e)
        {
            throw new MbTilesException($"Map:Tiles '{path}' cannot be read as an MBTiles (SQLite) file: {e.Message}");
        }
    }

    /// <summary>The tile at XYZ coordinates (as Leaflet asks), or null when the file has none there.</summary>
    public async Task<byte[]?> TileAsync(int z, int x, int y, CancellationToken ct)
    {
        if (z is < 0 or > 30 || x < 0 || y < 0 || x >= 1 << z || y >= 1 << z)
        {
            return null;
        }
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tile_data FROM tiles WHERE zoom_level = $z AND tile_column = $x AND tile_row = $row";
        command.Parameters.AddWithValue("$z", z);
        command.Parameters.AddWithValue("$x", x);
        command.Parameters.AddWithValue("$row", (1 << z) - 1 - y);
        return await command.ExecuteScalarAsync(ct) as byte[];
    }

    static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();

    static bool HasTable(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        // MBTiles allows views (a deduplicated file stores tiles as a view over images and a map table).
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = $name";
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar()) > 0;
    }

    static Dictionary<string, string> ReadMetadata(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, value FROM metadata";
        using var reader = command.ExecuteReader();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            if (!reader.IsDBNull(0) && !reader.IsDBNull(1)) values[reader.GetString(0)] = reader.GetString(1);
        }
        return values;
    }

    static int? Zoom(string? text) => int.TryParse(text, out var z) && z is >= 0 and <= 30 ? z : null;
}
