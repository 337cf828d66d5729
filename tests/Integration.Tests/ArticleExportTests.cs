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
}
