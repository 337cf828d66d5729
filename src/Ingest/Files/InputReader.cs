using System.IO.Compression;
using AleppoDashboard.Ingest.Files.Feeds;
using AleppoDashboard.Ingest.Files.Html;
using AleppoDashboard.Ingest.Files.JsonLines;

namespace AleppoDashboard.Ingest.Files;

/// <summary>One article read from a file (a file may hold several), or why it was not loaded.</summary>
/// <param name="Key">The article's source name: the file name, or for a file of several articles the file name, '#' and the item (<c>export.jsonl#12</c>).</param>
public sealed record LoadedItem(string Key, LoadedText? Text, string? Rejected);

/// <summary>
/// Reads any input file the ingest accepts, by its extension: plain text (<c>.txt</c>), saved web pages (<c>.html</c>,
/// <c>.htm</c>), JSON Lines or JSON (<c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c>) and feeds (<c>.rss</c>, <c>.atom</c>,
/// <c>.xml</c>), each optionally gzipped (<c>.gz</c>). A file of one article gives one item; JSON Lines and feeds give one
/// item per record, each loaded or rejected on its own.
/// </summary>
public sealed class InputReader(ArticleFileReader files)
{
    enum Kind { Text, Html, Json, Feed }

    static readonly Dictionary<string, Kind> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = Kind.Text, [".html"] = Kind.Html, [".htm"] = Kind.Html, [".xhtml"] = Kind.Html,
        [".jsonl"] = Kind.Json, [".ndjson"] = Kind.Json, [".json"] = Kind.Json,
        [".rss"] = Kind.Feed, [".atom"] = Kind.Feed, [".xml"] = Kind.Feed,
    };

    public static bool IsInputFile(string fileName) => KindOf(fileName) is not null;

    static Kind? KindOf(string fileName)
    {
        var name = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;
        return Extensions.TryGetValue(Path.GetExtension(name), out var kind) ? kind : null;
    }

    public IReadOnlyList<LoadedItem> Read(string folder, string file)
    {
        try
        {
            var bytes = files.ReadBytes(Path.Combine(folder, file));
            if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) bytes = Gunzip(bytes, files.MaxBytes);
            return KindOf(file) switch
            {
                Kind.Html => [new(file, HtmlPageReader.Parse(bytes), null)],
                Kind.Json => JsonLinesReader.Parse(file, bytes),
                Kind.Feed => FeedFileReader.Parse(file, bytes),
                _ => [new(file, ArticleFileReader.Parse(bytes), null)],
            };
        }
        catch (FileRejectedException e)
        {
            return [new(file, null, e.Message)];
        }
    }

    /// <summary>A gzipped file's content, held to the same size limit as any file.</summary>
    static byte[] Gunzip(byte[] bytes, long maxBytes)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = input.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, n);
                if (output.Length > maxBytes) throw new FileRejectedException($"is over the size limit once uncompressed ({maxBytes / 1024.0 / 1024.0:0.#} MB, setting Ingest:MaxFileBytes).");
            }
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new FileRejectedException($"is not a valid gzip file ({e.Message}).");
        }
    }
}
