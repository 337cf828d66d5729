using System.Net;
using AleppoDashboard.Data.SharedCopyDetection;

namespace AleppoDashboard.Integration.Tests;

/// <summary>Shared wire copy on Fixtures/wire-pair: one AFP text under two outlets, each with sentences of its own.</summary>
public class WireCopyTests(WirePairApp app) : IClassFixture<WirePairApp>
{
    readonly HttpClient client = app.CreateRealClient();

    [Fact]
    public async Task TheWireTextIsDetectedSentenceBySentenceAndIndependentSentencesAreNot()
    {
        var rows = CompareCsv.Parse(await client.GetStringAsync("/export/compare.csv?topic=wire"));
        var courier = rows.Where(r => r["outlet"] == "Gulf Courier").ToList();
        var mirror = rows.Where(r => r["outlet"] == "Northern Mirror").ToList();

        // The three AFP sentences, each in both articles (re-edited: quotes, case, spacing, a comma, "We've").
        string[] wire = ["The evacuation of civilians and fighters", "Buses waited for hours", "ready since dawn and nobody has left"];
        Assert.Equal(3, courier.Count);
        Assert.Equal(3, mirror.Count);
        foreach (var start in wire)
        {
            var c = Assert.Single(courier, r => r["sentence"].Contains(start, StringComparison.OrdinalIgnoreCase));
            var m = Assert.Single(mirror, r => r["sentence"].Contains(start, StringComparison.OrdinalIgnoreCase));
            // Sentence by sentence: each names exactly its counterpart.
            Assert.Equal($"Northern Mirror article {m["article_id"]} sentence {m["sentence_index"]}", c["shared_with"]);
            Assert.Equal($"Gulf Courier article {c["article_id"]} sentence {c["sentence_index"]}", m["shared_with"]);
        }

        // Independent sentences (headlines, each outlet's own paragraphs, one that shares only "the evacuation of") are not marked.
        string[] independent = ["delayed again", "convoy stalls", "own correspondent in Gaziantep", "editorial board", "wounded from east Aleppo", "Leaflets dropped"];
        Assert.DoesNotContain(rows, r => independent.Any(i => r["sentence"].Contains(i) && !r["sentence"].Contains("The evacuation of civilians")));
    }

    [Fact]
    public async Task SharedSentencesAreMarkedOnThePageAndIndependentOnesAreNot()
    {
        var html = await client.GetStringAsync("/compare?q=" + Uri.EscapeDataString("evacuation"));
        var row = ComparePageHtml.Rows(html)["text:evacuation"];
        var mirror = row["northern-mirror"];
        Assert.Equal(2, mirror.Count);
        Assert.Single(mirror, s => s.Shared && s.Html.Contains("also in:") && s.Html.Contains(">Gulf Courier, 14 Dec 2016, paragraph 1<"));
        Assert.Single(mirror, s => !s.Shared && s.Html.Contains("wounded") && !s.Html.Contains("also in:"));
        var courier = row["gulf-courier"];
        Assert.Equal(2, courier.Count);
        Assert.Single(courier, s => s.Shared && s.Html.Contains(">Northern Mirror, 14 Dec 2016, paragraph 1<"));
        Assert.Single(courier, s => !s.Shared && s.Html.Contains("delayed again</q>"));
        // The threshold is documented on the page.
        Assert.Contains(SharedCopyDetector.RuleText, WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task DropTableSearchFindsTheSentenceWithThoseWords()
    {
        var rows = CompareCsv.Parse(await client.GetStringAsync("/export/compare.csv?q=" + Uri.EscapeDataString("'; DROP TABLE")));
        var row = Assert.Single(rows);
        Assert.StartsWith("Leaflets dropped over the district", row["sentence"]);
        Assert.Equal("drop | table", row["matched"]);
        Assert.Equal(2, (await client.GetStringAsync("/export/articles.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }
}
