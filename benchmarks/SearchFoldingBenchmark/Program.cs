using System.Diagnostics;
using System.Text;
using AleppoDashboard.Data.Text;

// What folding Arabic sentences for the search index costs the ingest (SearchFolding.IndexTextOf, run once per stored
// sentence), on one core: the sentences of the .txt articles of a folder (real Arabic news, e.g. ../shared/eval/arabic-dev),
// repeated to 20 MB. Usage: dotnet run -c Release --project benchmarks/SearchFoldingBenchmark -- <folder> [MB]
if (args.Length == 0 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: SearchFoldingBenchmark <folder of .txt articles> [MB]");
    return 1;
}
var megabytes = args.Length > 1 && int.TryParse(args[1], out var mb) && mb > 0 ? mb : 20;
var sentences = Directory.EnumerateFiles(args[0], "*.txt").Select(File.ReadAllText)
    .SelectMany(t => t.Split('.', '\n', '؟', '!')).Where(s => s.Trim().Length > 0).ToList();
var texts = new List<string>();
long bytes = 0;
while (bytes < megabytes * 1024L * 1024L)
{
    foreach (var s in sentences)
    {
        texts.Add(s);
        bytes += Encoding.UTF8.GetByteCount(s);
    }
}
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()) Process.GetCurrentProcess().ProcessorAffinity = 1;
// Warm-up, then let the tiered JIT finish its optimised code before measuring.
foreach (var s in texts.Take(texts.Count / 5)) SearchFolding.IndexTextOf(s);
Thread.Sleep(500);

var process = Process.GetCurrentProcess();
var cpu = process.TotalProcessorTime;
var clock = Stopwatch.StartNew();
long folded = 0;
foreach (var s in texts) folded += SearchFolding.IndexTextOf(s)?.Length ?? 0;
clock.Stop();
process.Refresh();
var seconds = (process.TotalProcessorTime - cpu).TotalSeconds;
Console.WriteLine($"{texts.Count} sentences, {bytes / 1048576.0:0.0} MB (UTF-8), {folded} folded characters");
Console.WriteLine($"{clock.Elapsed.TotalSeconds:0.00} s wall, {seconds:0.00} s CPU: {bytes / 1048576.0 / seconds:0.0} MB per CPU second");
return 0;
