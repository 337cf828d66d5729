using AleppoDashboard.Fuzzing;

namespace AleppoDashboard.Faults.Tests;

/// <summary>
/// A short fuzz pass per reader and parser with a fixed seed: the same generated inputs every run, so a regression in
/// a reader's handling of bad input fails CI. (The long run of a million inputs per reader is the benchmark project's
/// `fuzz` command; benchmarks/PERFORMANCE.md.) A reader that hangs on an input fails after minutes, naming the input.
/// </summary>
public class FuzzPassTests
{
    const ulong Seed = 20161213;

    public static TheoryData<string, int> Readers => new()
    {
        { "txt", 3000 }, { "manifest", 3000 }, { "filter", 5000 }, { "search", 5000 }, { "html", 500 }, { "jsonl", 1000 }, { "feed", 1000 },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task EveryGeneratedInputEndsInAnArticleOrAOneLineReason(string reader, int inputs)
    {
        var target = Assert.Single(Targets.All, t => t.Name == reader);
        var pass = Task.Run(() => target.RunFixed(inputs, Seed));
        try
        {
            await pass.WaitAsync(TimeSpan.FromMinutes(5));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{reader} hung (no end within 5 minutes) on: {target.Current}");
        }
    }
}
