using System.Net;

namespace AleppoDashboard.Integration.Tests;

public class ArticleExportTests(CorpusAppFixture fixture) : IClassFixture<CorpusAppFixture>
{
    [Fact]
    public async Task ArticlesCsvHasTheDocumentedColumnsAndIsUtf8()
    {
        var response = await fixture.Client.GetAsync("/export/articles.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var (header, rows) = Csv.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["article_id", "outlet", "outlet_slug", "published", "date_precision", "headline", "url", "source_file", "words", "content_hash"], header);
        Assert.Equal(6, rows.Count);
        var tasnim = rows.Single(r => r["outlet_slug"] == "tasnim-news-agency");
        Assert.Equal("2016-12-09", tasnim["published"]);
        Assert.Equal("000_e9a252d1f1a17b5f.txt", tasnim["source_file"]);
        Assert.Equal("Syrian Forces Press Attack in East Aleppo", tasnim["headline"]);
    }

    [Fact]
    public async Task QuotesCommasAndFormulasInHeadlinesSurviveAndAreDefused()
    {
        var csv = await fixture.Client.GetStringAsync("/export/articles.csv?outlet=sana");
        var row = Assert.Single(Csv.Parse(csv).Rows);
        // CsvHelper prefixes a formula-looking cell so a spreadsheet shows it as text; the text itself is intact.
        Assert.NotEqual('=', row["headline"][0]);
        Assert.EndsWith(CorpusAppFixture.TrickyHeadline, row["headline"]);
    }

    [Fact]
    public async Task OutletsCsvMatchesTheOverviewCounts()
    {
        var (_, rows) = Csv.Parse(await fixture.Client.GetStringAsync("/export/outlets.csv?from=2016-12-09&to=2016-12-09"));
        Assert.Equal(
            ["business-recorder:1", "reuters-syndicated:1", "tasnim-news-agency:1"],
            rows.Select(r => r["outlet_slug"] + ":" + r["articles"]).Order());
    }

    [Fact]
    public async Task EveryPageSendsTheSecurityHeaders()
    {
        foreach (var url in new[] { "/", "/articles", "/articles/1", "/export/articles.csv", "/articles?from=bad" })
        {
            var response = await fixture.Client.GetAsync(url);
            var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.True(response.Headers.Contains("Referrer-Policy"));
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        }
    }
}
