using System.Diagnostics;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.ExtractionBenchmark;
using AleppoDashboard.Ingest.Extraction;

// Extraction throughput (place mentions + control claims + source attributions + framing terms) on one core,
// over at least 50 MB of seed-like synthetic text. Usage: dotnet run -c Release --project benchmarks/ExtractionBenchmark [-- <MB>]
// With --arabic the text is Arabic (language ar, the Arabic extractor), made from the templates of ArabicSyntheticCorpus.
// With --folder <dir> the text is the .txt articles of that folder (real news, e.g. ../shared/eval/realworld-dev), repeated.
// With --dump <file> every extracted fact is written to the file after the measurement (diff two builds' dumps).
var megabytes = args.Length > 0 && int.TryParse(args[0], out var mb) && mb > 0 ? mb : 50;
var root = FindRoot();
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
{
    Process.GetCurrentProcess().ProcessorAffinity = 1; // one core
}

var reference = new ReferenceFiles(Path.Combine(root, "src", "Data", "Reference"));
var extractor = new FactExtractor(reference.ReadGazetteer(), reference.ReadLexicon(), reference.ReadSources(), reference.ReadCues(), reference.ReadArabicCues());
var arabic = args.Contains("--arabic");
var folder = OptionValue("--folder");
var dumpPath = OptionValue("--dump");
var rounds = int.TryParse(OptionValue("--rounds"), out var r) && r > 0 ? r : 1; // passes over the text (a longer measured loop for a profiler)
var sources = Directory.EnumerateFiles(Path.Combine(root, "seeds"), "*.txt")
    .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests", "Ingest.Tests", "Extraction", "Gold", "articles"), "*.txt"))
    .ToList();

Console.WriteLine(folder is not null ? $"building {megabytes} MB from the articles of {folder} ..."
    : arabic ? $"building {megabytes} MB of synthetic Arabic text ..." : $"building {megabytes} MB of synthetic text from {sources.Count} articles ...");
long bytes;
var articles = folder is not null
    ? FolderCorpus.Build(folder, megabytes * 1024L * 1024L, out bytes)
    : arabic
    ? ArabicSyntheticCorpus.Build(reference.ReadGazetteer(), megabytes * 1024L * 1024L, out bytes)
    : SyntheticCorpus.Build(sources, megabytes * 1024L * 1024L, out bytes);
var sentences = articles.Sum(a => a.Sentences.Count);
Console.WriteLine($"{articles.Count} articles, {sentences} sentences, {bytes / 1024.0 / 1024.0:0.0} MB (UTF-8)");

// Warm-up: run a tenth of the corpus twice, then give the tiered JIT time to finish its optimised code
// (on one core its background compiler otherwise competes with the measured loop): steady-state throughput.
for (var round = 0; round < 2; round++)
{
    foreach (var article in articles.Take(articles.Count / 10)) extractor.Extract(article);
    Thread.Sleep(1000);
}

long mentions = 0, claims = 0, attributions = 0, terms = 0;
var process = Process.GetCurrentProcess();
var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
var collectionsBefore = GC.CollectionCount(0);
var cpuBefore = process.TotalProcessorTime;
var clock = Stopwatch.StartNew();
foreach (var article in Enumerable.Repeat(articles, rounds).SelectMany(a => a))
{
    var facts = extractor.Extract(article);
    mentions += facts.Mentions.Count;
    claims += facts.Claims.Count;
    attributions += facts.Attributions.Count;
    terms += facts.TermHits.Count;
}
clock.Stop();
process.Refresh();
var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
bytes *= rounds;
var seconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"extracted {mentions} mentions, {claims} claims, {attributions} attributions, {terms} term hits in {seconds:0.00} s");
Console.WriteLine($"throughput: {bytes / 1024.0 / 1024.0 / seconds:0.0} MB/s on one core ({articles.Count * rounds / seconds:0} articles/s)");
// On a shared machine other processes take turns on the same core; the CPU time this process used is the steadier measure.
Console.WriteLine($"per CPU second: {bytes / 1024.0 / 1024.0 / cpuSeconds:0.0} MB (process CPU time {cpuSeconds:0.00} s, including GC)");
Console.WriteLine($"allocated: {(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)bytes:0.0} bytes per byte of text; gen0 collections {GC.CollectionCount(0) - collectionsBefore}");

if (dumpPath is not null)
{
    FactDump.Write(dumpPath, articles, extractor);
    Console.WriteLine($"facts written to {dumpPath}");
}

if (args.Contains("--parts"))
{
    // Where the time goes: folding, tokenising, and the one pass of the phrase index (places, sources, terms, number words).
    var vocabulary = new ExtractionVocabulary(reference.ReadCues());
    var index = new PhraseIndex();
    _ = new PlaceMatcher(reference.ReadGazetteer(), vocabulary, index);
    _ = new SourceAttributionFinder(reference.ReadSources(), vocabulary, index);
    _ = new FramingTermCounter(reference.ReadLexicon(), index);
    var all = articles.SelectMany(a => a.Sentences).Select(s => s.Text).ToList();
    Time("fold", () => { foreach (var t in all) TextFolding.Fold(t); });
    Time("tokenize", () => { foreach (var t in all) Tokenizer.Tokenize(t); });
    var folded = all.Select(TextFolding.Fold).ToList();
    Time("phrase index (one pass)", () => { foreach (var f in folded) index.Find(f); });
}

void Time(string what, Action action)
{
    var c = Stopwatch.StartNew();
    action();
    Console.WriteLine($"  {what}: {c.Elapsed.TotalSeconds:0.00} s");
}

string? OptionValue(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "AleppoDashboard.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("AleppoDashboard.sln not found above " + AppContext.BaseDirectory);
}
