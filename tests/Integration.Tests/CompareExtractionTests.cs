using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// /compare on facts extracted from the seeds (place mentions, framing-term hits). These need the fact
/// extractor: on a branch where FactExtractor.Extract returns nothing they fail, by design.
/// </summary>
public partial class CompareExtractionTests(SeedsApp app) : IClassFixture<SeedsApp>
{
    readonly HttpClient client = app.CreateRealClient();

    [Fact]
    public async Task SukkariRowHasSentencesFromAtLeastTwoOutlets()
    {
        var html = await client.GetStringAsync("/compare?place=sukkari");
        var row = ComparePageHtml.Rows(html)["place:sukkari"];
        // Syria Truths ("half of the Sukkari district") and Business Recorder ("... Zibdiya, Sukkari and Kalla ...").
        var outlets = row.Where(c => c.Value.Count > 0).Select(c => c.Key).ToList();
        Assert.True(outlets.Count >= 2, "outlets with Sukkari sentences: " + string.Join(", ", outlets));
        Assert.Contains("syria-truths", outlets);
        Assert.Contains("business-recorder", outlets);
        Assert.All(row.Values.SelectMany(c => c), s => Assert.Contains("<mark class=\"fact fact-place\" title=\"Place: Sukkari\">", s.Html));
        Assert.Contains("Tasnim News Agency said nothing on this in the filtered articles.", html);
    }

    [Fact]
    public async Task DefaultViewShowsPlacesNamedByTwoOrMoreOutletsMostSharedFirstThenControlClaims()
    {
        var rows = ComparePageHtml.Rows(await client.GetStringAsync("/compare")).ToList();
        var places = rows.TakeWhile(r => r.Key.StartsWith("place:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(places);
        Assert.Contains(places, p => p.Key == "place:sukkari");
        var outletsPerPlace = places.Select(p => p.Value.Count(c => c.Value.Count > 0)).ToList();
        Assert.All(outletsPerPlace, n => Assert.True(n >= 2));
        Assert.Equal(outletsPerPlace.OrderByDescending(n => n), outletsPerPlace);
        Assert.Equal("claims", rows[places.Count].Key);
    }

    /// <summary>
    /// Hand counts on the seeds, from src/Data/Reference/framing-lexicon.csv: every variant of the term,
    /// case-insensitive, whole words, longest variant first, headline and body of each seed file, counted with
    /// <c>grep -oiwE 'terrorists|terrorist groups|terrorist group|terrorist' seeds/0*.txt | sort | uniq -c</c>
    /// (and the same for the other terms). Terms chosen so that no occurrence is ambiguous (no hyphenated form such
    /// as "militant-held", no overlap with another term's variant such as "Assad regime forces"):
    /// terrorists: 000 Tasnim 2 ("terrorists holed up", "to the terrorists since 2011"), 002 Syria Truths 4;
    /// syrian-army: 001 Reuters 6 ("Syrian army"), 002 Syria Truths 3 ("Syrian troops" ×2, "Syrian army forces"),
    /// 003 Middle East Observer 1, 004 Business Recorder 1 (headline); insurgents: 003 Middle East Observer 1;
    /// jihadists: none anywhere.
    /// </summary>
    public static readonly TheoryData<string, string, int> HandCounts = new()
    {
        { "terrorists", "tasnim-news-agency", 2 },
        { "terrorists", "syria-truths", 4 },
        { "terrorists", "reuters-syndicated", 0 },
        { "terrorists", "middle-east-observer", 0 },
        { "terrorists", "business-recorder", 0 },
        { "syrian-army", "reuters-syndicated", 6 },
        { "syrian-army", "syria-truths", 3 },
        { "syrian-army", "middle-east-observer", 1 },
        { "syrian-army", "business-recorder", 1 },
        { "syrian-army", "tasnim-news-agency", 0 },
        { "insurgents", "middle-east-observer", 1 },
        { "insurgents", "reuters-syndicated", 0 },
        { "jihadists", "tasnim-news-agency", 0 },
        { "jihadists", "reuters-syndicated", 0 },
    };

    [Theory]
    [MemberData(nameof(HandCounts))]
    public async Task FramingMatrixCountsMatchHandCountsOnTheSeeds(string term, string outlet, int expected)
    {
        var matrix = ComparePageHtml.Matrix(await client.GetStringAsync("/compare"));
        Assert.Equal(expected, matrix[term][outlet]);
    }

    [Theory]
    [InlineData("terrorists", "syria-truths")]
    [InlineData("syrian-army", "reuters-syndicated")]
    public async Task FramingMatrixCountLinksToItsSentencesAndIsPerThousandWords(string term, string outlet)
    {
        var html = await client.GetStringAsync("/compare");
        var hits = ComparePageHtml.Matrix(html)[term][outlet];
        var link = Regex.Match(html, $"""<tr data-term="{term}">.*?data-outlet="{outlet}" data-hits="\d+">\s*<a href="(?<href>[^"]+)">(?<rate>[\d.]+) """, RegexOptions.Singleline);
        Assert.True(link.Success);

        // Per 1,000 words of the outlet's filtered articles (words as in the outlets export).
        var words = int.Parse(Regex.Match(await client.GetStringAsync("/export/outlets.csv"), $",{outlet},\\d+,[^,]*,[^,]*,(\\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal((hits * 1000.0 / words).ToString("0.0", CultureInfo.InvariantCulture), link.Groups["rate"].Value);

        var href = WebUtility.HtmlDecode(link.Groups["href"].Value);
        // Straight to the outlet's cell in the term's row.
        Assert.Equal($"/compare?outlet={outlet}&term={term}#term-{term}--{outlet}", href);
        href = href[..href.IndexOf('#')];
        var termPage = await client.GetStringAsync(href);
        Assert.Contains($"id=\"term-{term}--{outlet}\"", termPage);
        var cell = ComparePageHtml.Rows(termPage)["term:" + term][outlet];
        // The page shows the first 5 sentences; the CSV behind it lists every sentence with its matched words.
        var sentences = CompareCsv.Parse(await client.GetStringAsync("/export/compare.csv" + href["/compare".Length..]))
            .Where(r => r["topic"] == "term:" + term && r["outlet_slug"] == outlet).ToList();
        Assert.Equal(hits, sentences.Sum(r => r["matched"].Split(" | ").Length));
        Assert.Equal(Math.Min(5, sentences.Count), cell.Count);
        Assert.Equal(sentences.Take(5).Sum(r => r["matched"].Split(" | ").Length), cell.Sum(s => Regex.Matches(s.Html, "<mark class=\"fact fact-term\"").Count));
    }

    [Fact]
    public async Task FramingMatrixSharedCountsAgreeWithTheSharedSentencesOfEachCell()
    {
        var html = await client.GetStringAsync("/compare");
        var cells = SharedBadge().Matches(html).Select(m => (Term: m.Groups["term"].Value, Outlet: m.Groups["outlet"].Value, Shared: int.Parse(m.Groups["shared"].Value))).ToList();
        Assert.NotEmpty(cells);
        foreach (var (term, outlet, shared) in cells)
        {
            // The term's uses in that outlet's sentences that the CSV marks as shared copy.
            var rows = CompareCsv.Parse(await client.GetStringAsync($"/export/compare.csv?outlet={outlet}&term={term}"))
                .Where(r => r["topic"] == "term:" + term && r["outlet_slug"] == outlet && r["shared_with"].Length > 0);
            Assert.Equal(shared, rows.Sum(r => r["matched"].Split(" | ").Length));
        }
    }

    [GeneratedRegex("""<tr data-term="(?<term>[^"]+)">(?:(?!</tr>).)*?data-outlet="(?<outlet>[^"]+)" data-hits="\d+">(?:(?!</td>).)*?>(?<shared>\d+) shared</span>""", RegexOptions.Singleline)]
    private static partial Regex SharedBadge();
}
