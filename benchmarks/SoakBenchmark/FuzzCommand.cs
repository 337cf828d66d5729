using System.Diagnostics;
using AleppoDashboard.Fuzzing;

namespace AleppoDashboard.SoakBenchmark;

/// <summary>
/// The long fuzz run: N generated inputs per reader through CsCheck (all cores), with inputs per second and any
/// failure shrunk to a minimal input. A watchdog stops the run and prints the input when a reader makes no progress
/// for a minute (a hang).
/// </summary>
public static class FuzzCommand
{
    public static int Run(int inputs, string reader, string? seed)
    {
        var targets = Targets.All.Where(t => reader == "all" || t.Name == reader).ToList();
        if (targets.Count == 0)
        {
            Console.Error.WriteLine($"no reader named '{reader}'; the readers: {string.Join(", ", Targets.All.Select(t => t.Name))}");
            return 1;
        }
        Console.WriteLine($"# Fuzz run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {inputs:N0} inputs per reader, {Environment.ProcessorCount} threads, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine();
        Console.WriteLine("| reader | inputs | seconds | inputs/s | failures |");
        Console.WriteLine("| --- | ---: | ---: | ---: | --- |");
        var failed = 0;
        foreach (var target in targets)
        {
            using var watchdog = Watch(target);
            var clock = Stopwatch.StartNew();
            var failure = target.Sample(inputs, seed);
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"| {target.Name} | {target.Done:N0} | {seconds:0} | {target.Done / seconds:N0} | {(failure is null ? "0" : "1 (below)")} |");
            if (failure is not null)
            {
                failed++;
                Console.WriteLine();
                Console.WriteLine($"{target.Name} failed:\n{failure}");
                Console.WriteLine();
            }
        }
        return failed == 0 ? 0 : 1;
    }

    static Timer Watch(FuzzTarget target)
    {
        var last = -1L;
        var still = 0;
        var ticks = 0;
        return new Timer(_ =>
        {
            var done = target.Done;
            // A progress line every 5 minutes (to standard error, outside the table), so a run stopped early still tells its count.
            if (++ticks % 30 == 0) Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm} {target.Name}: {done:N0} inputs so far, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            still = done == last ? still + 1 : 0;
            last = done;
            if (still < 6) return;
            Console.WriteLine($"{target.Name}: no input finished for 60 s (a hang) after {done:N0} inputs; one input in work: {target.Current}");
            Environment.Exit(3);
        }, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
    }
}
