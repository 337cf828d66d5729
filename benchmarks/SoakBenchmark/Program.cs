using AleppoDashboard.SoakBenchmark;

// Two long runs that are not tests (benchmarks/PERFORMANCE.md, "Soak" and "Fuzzing"):
//   soak: N minutes of mixed page, API and export load from several clients against the real web app while the real
//         `watch` program loads a new batch every minute; errors, p95 and the web process's memory per minute.
//   fuzz: generated inputs for every reader and parser (tests/Fuzzing); inputs per second and failures per reader.
// Usage: dotnet run -c Release --project benchmarks/SoakBenchmark -- soak [--minutes 30] [--clients 4] [--articles 5000] [--batch 100] [--work /tmp/aleppo-soak]
//        dotnet run -c Release --project benchmarks/SoakBenchmark -- fuzz [--inputs 1000000] [--reader all|txt|manifest|filter|search|html|jsonl|feed] [--seed N]
var options = args.Skip(1).Chunk(2).Where(p => p.Length == 2 && p[0].StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p[0][2..], p => p[1], StringComparer.OrdinalIgnoreCase);
int Int(string name, int fallback) => options.TryGetValue(name, out var v) && int.TryParse(v, out var n) ? n : fallback;
return args.FirstOrDefault() switch
{
    "soak" => await Soak.RunAsync(Int("minutes", 30), Int("clients", 4), Int("articles", 5000), Int("batch", 100),
        options.GetValueOrDefault("work") ?? Path.Combine(Path.GetTempPath(), "aleppo-soak")),
    "fuzz" => FuzzCommand.Run(Int("inputs", 1_000_000), options.GetValueOrDefault("reader") ?? "all",
        options.TryGetValue("seed", out var seed) ? seed : null),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: soak [--minutes 30] [--clients 4] [--articles 5000] [--batch 100] [--work <folder>] | fuzz [--inputs 1000000] [--reader all|<name>] [--seed <CsCheck seed>]");
    return 1;
}
