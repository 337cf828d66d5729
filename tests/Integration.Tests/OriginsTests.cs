using System.Net;
using System.Text.RegularExpressions;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// The real app on Fixtures/wire-claims: one Reuters line with a control claim (90% of east Aleppo) run by two outlets,
/// and a third outlet's own claim (75%).
/// </summary>
public sealed class WireClaimsApp() : DashboardAppFactory(Path.Combine(RepoPaths.Tests, "Integration.Tests", "Fixtures", "wire-claims"))
{
}

/// <summary>"Count origins, not copies" (origins=1) on /control, /compare and their CSVs, over real HTTP.</summary>
public partial class OriginsTests(WireClaimsApp app) : IClassFixture<WireClaimsApp>
{
    readonly HttpClient client = app.CreateRealClient();

    [Fact]
    public async Task ControlCountsTheWireClaimOnceWithTheOutletsThatRanIt()
    {
        var copies = await client.GetStringAsync("/control");
        Assert.Equal(3, ClaimRows().Matches(copies).Count);
        Assert.DoesNotContain("data-origins-summary", copies);

        var origins = await client.GetStringAsync("/control?origins=1");
        Assert.Contains("data-origins-summary>3 claims from 2 origins<", origins);
        Assert.Equal(2, ClaimRows().Matches(origins).Count);
        Assert.Contains("one origin: 2 claims by Harbour Times, Valley Post", origins);
        // The switch keeps the filter and the page's scope, and the chart's data carries the switch.
        Assert.Contains("href=\"/control?origins=1\" data-origins=\"1\"", copies);
        Assert.Contains("data-src=\"/api/claims?origins=1&amp;scope=east\"", origins);
    }

    [Fact]
    public async Task ControlCsvHasThePageRowsWhenCountingOrigins()
    {
        var page = await client.GetStringAsync("/control?origins=1");
        var (header, rows) = Csv.Parse(await client.GetStringAsync("/export/control.csv?origins=1"));
        Assert.Equal(["origin_claims", "origin_outlets"], header.TakeLast(2));
        Assert.Equal(ClaimRows().Matches(page).Select(m => m.Groups["id"].Value), rows.Select(r => r["claim_id"]));
        var wire = Assert.Single(rows, r => r["value_percent"] == "90");
        Assert.Equal(("2", "Harbour Times; Valley Post"), (wire["origin_claims"], wire["origin_outlets"]));
        Assert.Equal("1", Assert.Single(rows, r => r["value_percent"] == "75")["origin_claims"]);

        var (plainHeader, all) = Csv.Parse(await client.GetStringAsync("/export/control.csv"));
        Assert.DoesNotContain("origin_claims", plainHeader);
        Assert.Equal(3, all.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CompareSummaryCountsAgreeWithTheCsv(bool origins)
    {
        var query = "?topic=claims" + (origins ? "&origins=1" : "");
        var html = await client.GetStringAsync("/compare" + query);
        var rows = CompareCsv.Parse(await client.GetStringAsync("/export/compare.csv" + query));
        var cells = SummaryCells().Matches(html).Select(m => (Outlet: m.Groups["outlet"].Value, Count: int.Parse(m.Groups["count"].Value))).ToList();
        Assert.Equal(3, cells.Count);
        foreach (var (outlet, count) in cells)
        {
            Assert.Equal(count, rows.Count(r => r["topic"] == "claims" && r["outlet_slug"] == outlet));
        }
        Assert.Equal(origins ? "3 sentences from 2 origins" : "3 sentences", RowCount().Match(html).Groups["count"].Value);
    }

    [Fact]
    public async Task CompareCsvNamesEachOriginAndHowManyOutletsRanIt()
    {
        var (header, rows) = Csv.Parse(await client.GetStringAsync("/export/compare.csv?topic=claims&origins=1"));
        Assert.Equal(["paragraph", "origin_id", "origin_sentences", "origin_outlets"], header.TakeLast(4));
        var wire = rows.Where(r => r["sentence"].Contains("90 percent")).ToList();
        Assert.Equal(2, wire.Count);
        Assert.Single(wire.Select(r => r["origin_id"]).Distinct());
        Assert.All(wire, r => Assert.Equal(("2", "2", "1"), (r["origin_sentences"], r["origin_outlets"], r["paragraph"])));
        Assert.Equal("1", Assert.Single(rows, r => r["sentence"].Contains("75 percent"))["origin_outlets"]);
    }

    [Theory]
    [InlineData("/compare?origins=yes")]
    [InlineData("/control?origins=2")]
    [InlineData("/export/compare.csv?origins=true")]
    [InlineData("/export/control.csv?origins=on")]
    [InlineData("/api/claims?origins=x")]
    public async Task AnOriginsValueOtherThanOneOrZeroIsA400WithItsReason(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'origins' must be 1 (count each wire copy once) or 0 (count every copy)", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ZeroAndEmptyCountCopiesAndAreLeftOutOfLinks()
    {
        var zero = await client.GetStringAsync("/compare?origins=0");
        Assert.Contains("<a class=\"origins-option is-current\" aria-current=\"true\" href=\"/compare\" data-origins=\"0\">", zero);
        var empty = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = client.BaseAddress }.GetAsync("/control?origins=&scope=east");
        Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        Assert.Equal("/control?scope=east", empty.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("""<tr id="claim-\d+"(?: class="[^"]*")? data-claim="(?<id>\d+)" """)]
    private static partial Regex ClaimRows();

    [GeneratedRegex("""<td class="summary-cell[^"]*" data-outlet="(?<outlet>[^"]*)" data-count="(?<count>\d+)">""")]
    private static partial Regex SummaryCells();

    [GeneratedRegex("""<tr class="compare-row" data-topic="claims"[^>]*>\s*<th scope="row" class="compare-topic">\s*<a [^>]*>[^<]*</a>\s*<span [^>]*>(?<count>[^<]*)</span>""")]
    private static partial Regex RowCount();
}
