using AleppoDashboard.Ingest.Cli;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Ingest.Tests.Loading;

public class CliTests
{
    static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await IngestProgram.RunAsync(args, output, errors, CancellationToken.None);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task ExitsZeroWhenEveryFileLoaded()
    {
        using var harness = new IngestHarness().WithSeeds();
        var (code, output, _) = await Run("ingest", harness.Articles, "--db", harness.DatabasePath, "--reference", RepoPaths.Reference);
        Assert.Equal(IngestProgram.Ok, code);
        Assert.Contains("5 added, 0 updated, 0 unchanged, 0 rejected", output);
    }

    [Fact]
    public async Task ExitsTwoAndListsEachRejectedFileWhenSomeAreRejected()
    {
        using var harness = new IngestHarness();
        harness.Write("good.txt", "Headline\n\nBody.");
        harness.WriteBytes("bad.txt", []);
        var (code, output, errors) = await Run("ingest", harness.Articles, "--db", harness.DatabasePath, "--reference", RepoPaths.Reference);
        Assert.Equal(IngestProgram.SomeRejected, code);
        Assert.Contains("rejected  bad.txt: is empty", errors);
        Assert.Contains("1 added", output);
    }

    [Fact]
    public async Task ListsLoadedFilesOnlyWithVerbose()
    {
        using var quiet = new IngestHarness().WithSeeds();
        var (_, output, _) = await Run("ingest", quiet.Articles, "--db", quiet.DatabasePath, "--reference", RepoPaths.Reference);
        // Only the seed with a warning (its headline guessed past a navigation line) is listed.
        Assert.All(output.Split('\n').Where(l => l.StartsWith("added ", StringComparison.Ordinal)), l => Assert.Contains(": ", l));
        Assert.Single(output.Split('\n'), l => l.StartsWith("added ", StringComparison.Ordinal));
        Assert.Contains("5 added", output);

        using var verbose = new IngestHarness().WithSeeds();
        var (code, listed, _) = await Run("ingest", verbose.Articles, "--verbose", "--db", verbose.DatabasePath, "--reference", RepoPaths.Reference);
        Assert.Equal(IngestProgram.Ok, code);
        Assert.Equal(5, listed.Split('\n').Count(l => l.StartsWith("added ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TimingsListEachStageAfterTheSummaryOnlyWhenAsked()
    {
        using var plain = new IngestHarness().WithSeeds();
        var (_, output, _) = await Run("ingest", plain.Articles, "--db", plain.DatabasePath, "--reference", RepoPaths.Reference);
        Assert.DoesNotContain("stage:", output);

        using var timed = new IngestHarness().WithSeeds();
        var (code, withTimes, _) = await Run("ingest", timed.Articles, "--timings", "--db", timed.DatabasePath, "--reference", RepoPaths.Reference);
        Assert.Equal(IngestProgram.Ok, code);
        var lines = withTimes.Split('\n');
        var summary = Array.FindIndex(lines, l => l.Contains("5 added", StringComparison.Ordinal));
        var stages = lines.Where(l => l.StartsWith("stage:", StringComparison.Ordinal)).ToList();
        Assert.Contains(stages, l => l.EndsWith("insert sentences", StringComparison.Ordinal) && l.Contains(" s wall", StringComparison.Ordinal));
        Assert.Contains(stages, l => l.EndsWith("prepare: split + extract", StringComparison.Ordinal));
        Assert.True(Array.FindIndex(lines, l => l.StartsWith("stage:", StringComparison.Ordinal)) > summary);
    }

    [Fact]
    public void ProgressIsALineEveryFewSecondsWithRateAndTimeLeft()
    {
        var output = new StringWriter();
        var progress = new ProgressLines(output, TimeSpan.FromSeconds(5));
        for (var batch = 1; batch <= 50; batch++) progress.Report(new(batch * 200, 10_000, TimeSpan.FromSeconds(batch * 0.5)));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // 25 s in all: at 5, 10, 15 and 20 s, and the last batch.
        Assert.Equal(5, lines.Length);
        Assert.Equal("progress: 2,000/10,000 files, 400 files/s, about 20s left (5s so far)", lines[0].TrimEnd());
        Assert.StartsWith("progress: 10,000/10,000 files, 400 files/s, loaded (25s so far)", lines[^1]);
    }

    [Theory]
    [InlineData()]
    [InlineData("ingest")]
    [InlineData("frobnicate", "x", "--db", "y")]
    [InlineData("ingest", "folder")]
    public async Task ExitsOneWithUsageForBadArguments(params string[] args)
    {
        var (code, _, errors) = await Run(args);
        Assert.Equal(IngestProgram.Fatal, code);
        Assert.Contains("usage:", errors);
    }

    [Fact]
    public async Task ExitsOneForAMissingFolder()
    {
        using var harness = new IngestHarness();
        var (code, _, errors) = await Run("ingest", Path.Combine(harness.Articles, "nope"), "--db", harness.DatabasePath, "--reference", RepoPaths.Reference);
        Assert.Equal(IngestProgram.Fatal, code);
        Assert.Contains("does not exist", errors);
    }
}

public class CliEnvironmentTests
{
    [Fact]
    public void EnvironmentVariablesStandInForMissingArguments()
    {
        var env = new Dictionary<string, string> { ["Database__Path"] = "/data/x.db", ["Ingest__Folder"] = "/data/articles", ["Ingest__IntervalSeconds"] = "7" };
        var cli = CliArguments.Parse(["watch"], k => env.GetValueOrDefault(k))!;
        Assert.Equal("/data/x.db", cli.Options["db"]);
        Assert.Equal(["/data/articles"], cli.Positional);
        Assert.Equal("7", cli.Options["interval"]);
    }

    [Fact]
    public void ArgumentsWinOverTheEnvironment()
    {
        var cli = CliArguments.Parse(["ingest", "here", "--db", "mine.db"], _ => "/env/value")!;
        Assert.Equal("mine.db", cli.Options["db"]);
        Assert.Equal(["here"], cli.Positional);
    }
}
