using System.Net;
using System.Text.RegularExpressions;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests;

/// <summary>/compare and its CSV when more sentences are shared copy than SQLite takes variables in one statement.</summary>
public partial class ManyWireCopiesTests(ManyWireCopiesApp fixture) : IClassFixture<ManyWireCopiesApp>
{
    // The first request detects shared copy among 34,000 added sentences: seconds alone, but minutes when the whole
    // suite runs in parallel on two cores; a timeout here would say nothing about the behaviour under test.
    readonly HttpClient client = WithTimeout(fixture.App.CreateRealClient(), TimeSpan.FromMinutes(10));

    static HttpClient WithTimeout(HttpClient client, TimeSpan timeout)
    {
        client.Timeout = timeout;
        return client;
    }

    [Fact]
    public async Task DefaultViewCountsEverySharedSentence()
    {
        var response = await client.GetAsync("/compare");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var count = SharedCount().Match(await response.Content.ReadAsStringAsync());
        Assert.True(count.Success, "the page states how many sentences are shared copy");
        Assert.True(int.Parse(count.Groups[1].Value) >= 2 * ManyWireCopiesApp.Added);
    }

    [Fact]
    public async Task WireTopicPageListsTheAddedCopy()
    {
        var response = await client.GetAsync("/compare?topic=wire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var row = ComparePageHtml.Rows(html)["wire"];
        Assert.Contains(row.Values, cell => cell.Any(s => s.Shared && s.Html.Contains("Wire line ")));
        // Each cell shows its first 5 sentences, says how many there are and links to the CSV that lists them all.
        Assert.All(row.Values, cell => Assert.InRange(cell.Count, 0, 5));
        var capped = ComparePageHtml.CappedCells(html).Where(c => c.Key.Topic == "wire").ToList();
        Assert.NotEmpty(capped);
        var (total, href) = capped.MaxBy(c => c.Value.Total).Value;
        Assert.True(total > ManyWireCopiesApp.Added);
        var all = CompareCsv.Parse(await client.GetStringAsync(href)).Where(r => r["topic"] == "wire").ToList();
        Assert.Equal(total, all.Count);
    }

    [Fact]
    public async Task WireTopicCsvListsEveryAddedSentenceWithItsCopy()
    {
        var response = await client.GetAsync("/export/compare.csv?topic=wire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = CompareCsv.Parse(await response.Content.ReadAsStringAsync());
        var added = rows.Where(r => r["sentence"].StartsWith("Wire line ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2 * ManyWireCopiesApp.Added, added.Count);
        Assert.All(added, r => Assert.Contains(" article ", r["shared_with"]));
        var last = WireCopySeeder.Text(ManyWireCopiesApp.Added);
        Assert.Equal(2, added.Count(r => r["sentence"] == last));
    }

    [GeneratedRegex(@"(\d+) sentences of the filtered articles</a>")]
    private static partial Regex SharedCount();
}
