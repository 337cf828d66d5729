using System.Text.Json;
using AleppoDashboard.Ingest.Cli;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Ingest.Tests.Inputs;

public class InspectCommandTests
{
    [Fact]
    public async Task InspectPrintsOneJsonObjectPerArticleWithOriginsAndFactsAndWritesNothing()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("sukkari.html"), TestPages.JsonLdPage);
        File.WriteAllText(folder.File("export.jsonl"), TestPages.JsonLines);
        var before = Directory.GetFiles(folder.Path).Length;
        var output = new StringWriter();

        var code = await IngestProgram.RunAsync(["inspect", folder.File("sukkari.html"), folder.File("export.jsonl")], output, new StringWriter(), CancellationToken.None);

        Assert.Equal(IngestProgram.SomeRejected, code); // the bad JSON line
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        var page = lines[0];
        Assert.Equal("Forces push into Sukkari as shelling intensifies", page.GetProperty("headline").GetString());
        Assert.Equal("2016-12-09", page.GetProperty("published").GetString());
        Assert.Equal("JSON-LD datePublished", page.GetProperty("origins").GetProperty("published").GetString());
        Assert.Equal("JSON-LD publisher", page.GetProperty("origins").GetProperty("outlet").GetString());
        var place = page.GetProperty("facts").GetProperty("places").EnumerateArray().First(p => p.GetProperty("place").GetString() == "sukkari");
        Assert.Contains("Sukkari", place.GetProperty("sentence").GetString());
        Assert.Contains("not valid JSON", lines[2].GetProperty("rejected").GetString());
        Assert.Equal(before, Directory.GetFiles(folder.Path).Length);
    }
}
