using AleppoDashboard.Ingest.Cli;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Ingest.Tests.Evaluation;

/// <summary>
/// <c>evaluate &lt;folder&gt; --gold &lt;file&gt;</c> on a small annotated folder written here: the figures it prints, the misses
/// and false hits it lists with their sentences, and a clear message for a bad gold file.
/// </summary>
public sealed class EvaluateCommandTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("evaluate-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    const string Article =
        "Army advances in Aleppo\n\n" +
        "Troops entered the Sukkari district on Monday. " +
        "The army now holds 90 percent of east Aleppo, a military source said. " +
        "Residents of Bab al-Nairab said food had run out. " +
        "Shelling also hit Glenmore.";

    // The gold names one place the extractor finds (Sukkari), one it cannot (an invented name), and leaves Bab al-Nairab out
    // on purpose, so that it is a false hit; its one claim is found with the right value, scope and kind.
    const string Gold = """
        [{"file": "a.txt",
          "neighbourhoods": ["Sukkari", "Glenmore"],
          "claims": [{"text": "The army now holds 90 percent of east Aleppo", "value_percent": 90, "scope": "east", "kind": "area"},
                     {"text": "Residents of Bab al-Nairab said food had run out", "value_percent": 10, "scope": "east", "kind": "area"}]}]
        """;

    async Task<(int Code, string Out, string Err)> Evaluate(string gold)
    {
        File.WriteAllText(Path.Combine(folder, "a.txt"), Article);
        File.WriteAllText(Path.Combine(folder, "gold.json"), gold);
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await IngestProgram.RunAsync(["evaluate", folder, "--gold", Path.Combine(folder, "gold.json"), "--reference", RepoPaths.Reference],
            output, errors, CancellationToken.None);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task PrintsPrecisionAndRecallAndListsEachMissAndFalseHitWithItsSentence()
    {
        var (code, output, _) = await Evaluate(Gold);
        Assert.Equal(0, code);
        Assert.Contains("place mentions: precision 0.50 (1/2), recall 0.50 (1/2)", output);
        Assert.Contains("control claims, value, scope and kind right: precision 1.00 (1/1), recall 0.50 (1/2)", output);
        Assert.Contains("a.txt: missed place \"Glenmore\"", output);
        Assert.Contains("a.txt: false place bab-al-nairab (\"Bab al-Nairab\") in: Residents of Bab al-Nairab said food had run out.", output);
        Assert.Contains("a.txt: missed claim 10% area east in: Residents of Bab al-Nairab", output);
    }

    [Fact]
    public async Task AWrongScopeIsCountedAsFoundButNotRight()
    {
        var (_, output, _) = await Evaluate(Gold.Replace("\"value_percent\": 90, \"scope\": \"east\"", "\"value_percent\": 90, \"scope\": \"city\""));
        Assert.Contains("control claims, found at all: precision 1.00 (1/1), recall 0.50 (1/2)", output);
        Assert.Contains("scope right 0.00 (0/1)", output);
        Assert.Contains("wrong claim: extracted 90% area east, gold 90% area city", output);
    }

    [Theory]
    [InlineData("{\"file\": \"a.txt\"}", "must be a JSON array")]
    [InlineData("[{\"neighbourhoods\": []}]", "gold entry 1 has no \"file\"")]
    [InlineData("[{\"file\": \"a.txt\", \"claims\": [{\"text\": \"x\", \"value_percent\": 140, \"scope\": \"east\", \"kind\": \"area\"}]}]", "between 0 and 100")]
    [InlineData("[{\"file\": \"a.txt\", \"claims\": [{\"text\": \"x\", \"value_percent\": 40, \"scope\": \"west\", \"kind\": \"area\"}]}]", "\"scope\" must be east, city or neighbourhood:<name>")]
    [InlineData("[{\"file\": \"missing.txt\"}]", "missing.txt")]
    [InlineData("[{\"file\": \"a.txt\",", "is not valid")]
    public async Task ABadGoldFileGetsAOneLineReason(string gold, string reason)
    {
        var (code, output, errors) = await Evaluate(gold);
        Assert.Equal(1, code);
        Assert.Contains(reason, errors);
        Assert.Single(errors.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", errors);
        Assert.Equal("", output);
    }
}
