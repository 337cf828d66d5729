using System.Net;
using AleppoDashboard.Data;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Integration.Tests;

/// <summary>/compare and /export/compare.csv over real HTTP on the seeds.</summary>
public class CompareTests(SeedsApp app) : IClassFixture<SeedsApp>
{
    const string Tasnim = "tasnim-news-agency";
    const string Reuters = "reuters-syndicated";
    const string PlanQuery = "\"according to plan\"";
    const int CellCap = 5;

    readonly HttpClient client = app.CreateRealClient();

    [Fact]
    public async Task TasnimQuoteOfTheMilitarySourceIsMarkedAsSharedWithTheReutersCopy()
    {
        var html = await client.GetStringAsync("/compare?q=" + Uri.EscapeDataString(PlanQuery));
        var row = ComparePageHtml.Rows(html)["text:" + PlanQuery];

        var tasnim = Assert.Single(row[Tasnim]);
        var reuters = Assert.Single(row[Reuters]);
        Assert.True(tasnim.Shared);
        Assert.True(reuters.Shared);
        // Links to the other copies keep the page's filter (the search).
        var filter = "?q=" + Uri.EscapeDataString(PlanQuery);
        // Each is cited as a reader would: outlet, date, paragraph (the seeds' quote stands in paragraph 5 of Reuters, 2 of Tasnim).
        Assert.Contains($"href=\"/articles/{reuters.ArticleId}{filter}#s{reuters.Index}\">Reuters (syndicated), 9 Dec 2016, paragraph 5</a>", tasnim.Html);
        Assert.Contains($"href=\"/articles/{tasnim.ArticleId}{filter}#s{tasnim.Index}\">Tasnim News Agency, 9 Dec 2016, paragraph 2</a>", reuters.Html);
        // The matched words are highlighted, and outlets that never wrote them get the empty state.
        Assert.Contains("<mark class=\"fact fact-hit\" title=\"Matches the search\">according to plan</mark>", tasnim.Html);
        Assert.Empty(row["business-recorder"]);
        Assert.Contains("Business Recorder said nothing on this in the filtered articles.", html);
    }

    [Fact]
    public async Task WireTopicListsTheTasnimReutersPairInTheCsv()
    {
        var rows = CompareCsv.Parse(await client.GetStringAsync("/export/compare.csv?topic=wire"));
        var tasnim = Assert.Single(rows, r => r["outlet_slug"] == Tasnim && r["sentence"].Contains("faster than expected"));
        Assert.Equal("wire", tasnim["topic"]);
        Assert.StartsWith("Reuters (syndicated) article ", tasnim["shared_with"]);
        Assert.Contains(rows, r => r["outlet_slug"] == Reuters && r["sentence"].Contains("faster than expected") && r["shared_with"].StartsWith("Tasnim News Agency article "));
        // A sentence that only Tasnim wrote is not wire copy.
        Assert.DoesNotContain(rows, r => r["sentence"].Contains("so-called Syrian Observatory"));
    }

    [Theory]
    [InlineData("\"unclosed phrase", "unclosed double quote")]
    [InlineData("***", "no words")]
    [InlineData("\"\"", "no words")]
    public async Task MalformedSearchGivesA400WithTheReasonOnThePageAndTheCsv(string query, string reason)
    {
        var page = await client.GetAsync("/compare?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));

        var csv = await client.GetAsync("/export/compare.csv?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        var body = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("Bad request: ", body);
        Assert.Contains(reason, body);
    }

    [Theory]
    [InlineData("NEAR(plan advance")]
    [InlineData("Text:plan")]
    [InlineData("advance OR")]
    [InlineData("^plan -expected +faster")]
    [InlineData("plan AND NOT")]
    [InlineData("liberat*")]
    public async Task SearchTextThatLooksLikeFts5SyntaxIsSearchedAsWordsNotAnError(string query)
    {
        var page = await client.GetAsync("/compare?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csv = await client.GetAsync("/export/compare.csv?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
    }

    [Fact]
    public async Task PrefixSearchFindsAndHighlightsEveryForm()
    {
        var rows = CompareCsv.Parse(await client.GetStringAsync("/export/compare.csv?q=" + Uri.EscapeDataString("liberat*")));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("liberat", r["matched"], StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("topic=everything", "'topic' must be one of places, claims, wire")]
    [InlineData("topic=claims&topic=wire", "'topic' must be one of")]
    [InlineData("term=freedom-fighters", "there is none called 'freedom-fighters'")]
    [InlineData("term=rebels&term=terrorists", "'term' was given more than once")]
    public async Task BadPageParametersGiveA400WithAOneLineReason(string query, string reason)
    {
        var page = await client.GetAsync("/compare?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));

        var csv = await client.GetAsync("/export/compare.csv?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        var body = await csv.Content.ReadAsStringAsync();
        Assert.Contains(reason, body);
        Assert.Single(body.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("q=" + "%22military%20source%22")]
    [InlineData("q=advance")]
    [InlineData("topic=wire")]
    [InlineData("q=Aleppo&outlet=reuters-syndicated&outlet=syria-truths")]
    [InlineData("")]
    public async Task CsvAgreesWithThePage(string query)
    {
        var html = await client.GetStringAsync("/compare?" + query);
        var page = ComparePageHtml.Rows(html);
        var capped = ComparePageHtml.CappedCells(html);
        var csv = CompareCsv.Parse(await client.GetStringAsync("/export/compare.csv?" + query));
        if (query.StartsWith("q=", StringComparison.Ordinal)) Assert.NotEmpty(csv);

        // Every CSV row belongs to a row and column of the page.
        Assert.All(csv, r => Assert.True(page.ContainsKey(r["topic"]) && page[r["topic"]].ContainsKey(r["outlet_slug"]), r["topic"] + " / " + r["outlet_slug"]));
        foreach (var (topic, cells) in page)
        {
            foreach (var (outlet, shown) in cells)
            {
                // The CSV lists a cell's sentences in the page's order; the page shows the first 5, says how many in all and links to them.
                var rows = csv.Where(r => r["topic"] == topic && r["outlet_slug"] == outlet)
                    .Select(r => (ArticleId: int.Parse(r["article_id"]), Index: int.Parse(r["sentence_index"]), Shared: r["shared_with"].Length > 0))
                    .ToList();
                Assert.Equal(rows.Take(CellCap), shown.Select(s => (s.ArticleId, s.Index, s.Shared)));
                Assert.Equal(rows.Count > CellCap, capped.ContainsKey((topic, outlet)));
                if (rows.Count > CellCap)
                {
                    var (total, href) = capped[(topic, outlet)];
                    Assert.Equal(rows.Count, total);
                    var all = CompareCsv.Parse(await client.GetStringAsync(href)).Where(r => r["topic"] == topic && r["outlet_slug"] == outlet)
                        .Select(r => (ArticleId: int.Parse(r["article_id"]), Index: int.Parse(r["sentence_index"]), Shared: r["shared_with"].Length > 0));
                    Assert.Equal(rows, all);
                }
            }
        }
    }

    [Fact]
    public async Task DropTableInputFindsTheWordsAndDropsNothing()
    {
        var before = await CountAsync();
        foreach (var query in new[] { "'; DROP TABLE", "'; DROP TABLE sentences; --", "\"; DROP TABLE articles; --\"" })
        {
            var page = await client.GetAsync("/compare?q=" + Uri.EscapeDataString(query));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var csv = await client.GetAsync("/export/compare.csv?q=" + Uri.EscapeDataString(query));
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        }
        Assert.Equal(before, await CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compare")).StatusCode);
    }

    async Task<(int Articles, int Sentences, int Outlets)> CountAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDb>();
        return (await db.Articles.CountAsync(), await db.Sentences.CountAsync(), await db.Outlets.CountAsync());
    }

    [Fact]
    public async Task NavigationHasACompareLinkThatKeepsTheFilter()
    {
        var html = await client.GetStringAsync("/articles?outlet=tasnim-news-agency");
        Assert.Contains("href=\"/compare?outlet=tasnim-news-agency\">Compare</a>", html);
    }

    [Fact]
    public async Task ColumnsAreTheFilteredOutletsWithArticleCountsAndDates()
    {
        var html = await client.GetStringAsync("/compare?outlet=tasnim-news-agency&outlet=business-recorder&q=Aleppo");
        var row = ComparePageHtml.Rows(html)["text:Aleppo"];
        Assert.Equal(["business-recorder", "tasnim-news-agency"], row.Keys.Order());
        Assert.Contains("1 article · <time datetime=\"2016-12-09\">9 Dec 2016</time>", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task TheSamePlacesInAnotherOrderGiveTheSameRows()
    {
        var first = ComparePageHtml.Rows(await client.GetStringAsync("/compare?place=old-city&place=east-aleppo")).Keys.ToList();
        var second = ComparePageHtml.Rows(await client.GetStringAsync("/compare?place=east-aleppo&place=old-city")).Keys.ToList();
        Assert.Equal(["place:east-aleppo", "place:old-city"], first.Take(2));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ARepeatedPageIsServedFromTheOutputCacheUntilTheArticlesChange()
    {
        const string url = "/compare?topic=claims&outlet=" + Tasnim + "&outlet=" + Reuters;
        var first = await client.GetAsync(url);
        var second = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age); // the output cache answered
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());

        using (var scope = app.Services.CreateScope())
        {
            await AleppoDashboard.Data.Schema.ContentVersion.BumpAsync(scope.ServiceProvider.GetRequiredService<DashboardDb>(), CancellationToken.None);
        }
        await app.Services.StoreSharedCopiesAsync(); // as the ingest that moved the version would
        var after = await client.GetAsync(url);
        Assert.Null(after.Headers.Age); // rendered again for the new content version

        // An error page (400) is never kept.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/compare?topic=nonsense")).StatusCode);
        var again = await client.GetAsync("/compare?topic=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Null(again.Headers.Age);
    }
}
