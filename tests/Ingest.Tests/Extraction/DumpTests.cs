using Xunit.Abstractions;

namespace AleppoDashboard.Ingest.Tests.Extraction;

public class DumpTests(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var path = Environment.GetEnvironmentVariable("DUMP_FILE");
        if (path is null) return;
        var article = TestExtraction.ArticleFromText(File.ReadAllText(path), "OUTLET");
        var facts = TestExtraction.Extractor.Extract(article);
        foreach (var m in facts.Mentions) output.WriteLine($"M s{m.Sentence.Index} {m.PlaceId} [{m.MatchedText}]");
        foreach (var c in facts.Claims) output.WriteLine($"C s{c.Sentence.Index} {c.ValuePercent} {c.Kind} {c.Scope} {c.Count}/{c.Of} {c.Hedge} <{c.AttributedTo}> [{c.MatchedText}]");
        foreach (var a in facts.Attributions) output.WriteLine($"A s{a.Sentence.Index} {a.Source} [{a.MatchedText}]");
        output.WriteLine("T " + string.Join(", ", facts.TermHits.GroupBy(t => t.TermId).Select(g => $"{g.Key}={g.Count()}")));
    }
}
