using System.Net;
using System.Text.RegularExpressions;

namespace AleppoDashboard.Integration.Tests;

public partial class ArticleFilterTests(CorpusAppFixture fixture) : IClassFixture<CorpusAppFixture>
{
    async Task<(HttpStatusCode Status, string Body)> Get(string url)
    {
        var response = await fixture.Client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    async Task<int> ArticleRowsOnPage(string query)
    {
        var (status, body) = await Get("/articles" + query);
        Assert.Equal(HttpStatusCode.OK, status);
        var tbody = TableBody().Match(body);
        return tbody.Success ? Regex.Matches(tbody.Value, "<tr>").Count : 0;
    }

    [Theory]
    [InlineData("", 6)]
    [InlineData("?outlet=tasnim-news-agency", 1)]
    [InlineData("?outlet=tasnim-news-agency&outlet=syria-truths", 2)]
    [InlineData("?from=2016-12-09", 5)]
    [InlineData("?to=2016-12-08", 1)]
    [InlineData("?from=2016-12-09&to=2016-12-09", 3)]
    [InlineData("?from=2016-12-10&outlet=syria-truths", 1)]
    [InlineData("?q=Sukkari", 3)]
    [InlineData("?q=%22military+source%22", 2)]
    [InlineData("?q=%22military+source%22&outlet=tasnim-news-agency", 1)]
    [InlineData("?q=zzzznotaword", 0)]
    public async Task PageAndCsvListTheSameFilteredArticles(string query, int expected)
    {
        Assert.Equal(expected, await ArticleRowsOnPage(query));
        var (status, csv) = await Get("/export/articles.csv" + query);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, Csv.Parse(csv).Rows.Count);
    }

    [Theory]
    [InlineData("?from=2016-13-45", "'from' must be a real date")]
    [InlineData("?to=soon", "'to' must be a real date")]
    [InlineData("?outlet=no-such-outlet", "There is no outlet 'no-such-outlet'")]
    [InlineData("?place=atlantis", "There is no place 'atlantis'")]
    [InlineData("?lang=xx", "'lang' must be one of the language codes ar, de, el, en, es, fa, fr, he, it, ja, ko, nl, pt, ru, tr, zh; got 'xx'.")]
    [InlineData("?from=2016-12-31&to=2016-01-01", "is after")]
    [InlineData("?q=%22unclosed", "unclosed double quote")]
    [InlineData("?page=0", "'page' must be a whole number")]
    public async Task InvalidFiltersGetA400PageThatSaysWhatWasWrong(string query, string message)
    {
        var (status, body) = await Get("/articles" + query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, WebUtility.HtmlDecode(body));
        Assert.DoesNotContain("Exception", body);
    }

    [Theory]
    [InlineData("/export/articles.csv?from=2016-13-45")]
    [InlineData("/export/outlets.csv?outlet=nope")]
    [InlineData("/map?lang=xx")]
    [InlineData("/export/mentions.csv?lang=xx")]
    [InlineData("/?from=2016-13-45")]
    public async Task InvalidFiltersOnOtherViewsAre400Too(string url) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await Get(url)).Status);

    [Fact]
    public async Task SqlLookingSearchFindsTextAndDropsNothing()
    {
        var (status, _) = await Get("/articles?q=%27%3B+DROP+TABLE+articles%3B+--");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(6, await ArticleRowsOnPage(""));
    }

    [Fact]
    public async Task UnknownArticleIs404AndUnknownPathIs404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/articles/99999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/no/such/page")).Status);
    }

    [GeneratedRegex("<tbody>.*?</tbody>", RegexOptions.Singleline)]
    private static partial Regex TableBody();
}
