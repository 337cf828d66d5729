using System.Text.RegularExpressions;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests;

/// <summary>The real app on 130 generated articles (many on the same day): three pages of the article list.</summary>
public sealed class GeneratedArticlesApp : IDisposable
{
    readonly TempFolder articles = new();

    public GeneratedArticlesApp()
    {
        GeneratedArticles.Write(articles.Path, 130);
        App = new DashboardAppFactory(articles.Path);
        Client = App.CreateRealClient();
    }

    public DashboardAppFactory App { get; }
    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        App.Dispose();
        articles.Dispose();
    }
}

public partial class ArticlePagingTests(GeneratedArticlesApp fixture) : IClassFixture<GeneratedArticlesApp>
{
    [Theory]
    [InlineData("")]
    [InlineData("from=2016-09-20&to=2016-12-01")]
    [InlineData("q=Hanano")]
    public async Task PagesListTheArticlesInTheCsvOrderNewestFirstWithoutGapsOrRepeats(string query)
    {
        var csv = Csv.Parse(await fixture.Client.GetStringAsync("/export/articles.csv?" + query)).Rows.Select(r => int.Parse(r["article_id"])).ToList();
        Assert.True(csv.Count > 50, "more than one page");
        var listed = new List<int>();
        for (var page = 1; page <= (csv.Count + 49) / 50; page++)
        {
            var html = await fixture.Client.GetStringAsync($"/articles?{query}&page={page}");
            listed.AddRange(HeadlineLink().Matches(html).Select(m => int.Parse(m.Groups[1].Value)));
        }
        Assert.Equal(csv, listed);
    }

    // The headline link carries the list's filter: /articles/7 or /articles/7?q=...
    [GeneratedRegex("""<a href="/articles/(\d+)(?:\?[^"#]*)?">""")]
    private static partial Regex HeadlineLink();
}
