using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Files.Html;

// Reads every page of a folder of saved pages (*.html, *.html.gz) with the ingest's HTML reader and writes
// {"<id>": {"articleBody": "..."}} for score.py; then reads them all again, several rounds on this one thread,
// and prints pages per second. Usage: HtmlExtractionBenchmark <pages folder> <predictions.json> [rounds]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: HtmlExtractionBenchmark <pages folder> <predictions.json> [rounds]");
    return 1;
}
var rounds = args.Length > 2 ? int.Parse(args[2]) : 3;
var pages = Directory.EnumerateFiles(args[0]).Where(f => f.EndsWith(".html") || f.EndsWith(".html.gz")).Order().ToList();
var bytes = pages.ToDictionary(p => Path.GetFileName(p).Split('.')[0], p => p.EndsWith(".gz") ? Gunzip(File.ReadAllBytes(p)) : File.ReadAllBytes(p));

var predictions = new Dictionary<string, object>();
var rejected = 0;
foreach (var (id, page) in bytes)
{
    string body;
    try
    {
        body = HtmlPageReader.Parse(page).Body;
    }
    catch (FileRejectedException e)
    {
        Console.Error.WriteLine($"{id[..8]} rejected: {e.Message}");
        body = "";
        rejected++;
    }
    predictions[id] = new { articleBody = body };
}
File.WriteAllText(args[1], JsonSerializer.Serialize(predictions));

var clock = Stopwatch.StartNew();
var megabytes = 0.0;
for (var r = 0; r < rounds; r++)
{
    foreach (var page in bytes.Values)
    {
        try { HtmlPageReader.Parse(page); } catch (FileRejectedException) { }
        megabytes += page.Length / 1024.0 / 1024.0;
    }
}
var seconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"{bytes.Count} pages, {rejected} rejected; one thread: {bytes.Count * rounds / seconds:0.0} pages/s ({megabytes / seconds:0.0} MB/s of HTML, {rounds} rounds after a warm-up round)");
return 0;

static byte[] Gunzip(byte[] gz)
{
    using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
    using var output = new MemoryStream();
    input.CopyTo(output);
    return output.ToArray();
}
