using System.Globalization;
using System.Net;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests;

/// <summary>The real app on Kestrel over the seeds, read-only, shared by the fact export tests.</summary>
public sealed class FactExportFixture : IDisposable
{
    public DashboardAppFactory App { get; } = new();
    public HttpClient Client { get; }

    public FactExportFixture() => Client = App.CreateRealClient();

    public void Dispose()
    {
        Client.Dispose();
        App.Dispose();
    }
}

/// <summary>/export/mentions.csv and /export/claims.csv: documented columns, spans that stand in their sentences, and the shared filter honoured.</summary>
public class FactExportTests(FactExportFixture fixture) : IClassFixture<FactExportFixture>
{
    async Task<List<Dictionary<string, string>>> Rows(string url)
    {
        var response = await fixture.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return Csv.Parse(await response.Content.ReadAsStringAsync()).Rows;
    }

    [Fact]
    public async Task MentionsCsvHasTheDocumentedColumnsAndEveryMatchStandsInItsSentence()
    {
        var (header, rows) = Csv.Parse(await fixture.Client.GetStringAsync("/export/mentions.csv"));
        Assert.Equal(["article_id", "outlet", "published", "place_id", "place", "matched_text", "sentence_index", "start", "length", "sentence"], header);
        Assert.Equal(35, rows.Count); // the seeds' hand-annotated gold: 3 + 12 + 5 + 7 + 8 mentions
        Assert.All(rows, r => Assert.Equal(r["matched_text"], r["sentence"].Substring(int.Parse(r["start"], CultureInfo.InvariantCulture), int.Parse(r["length"], CultureInfo.InvariantCulture))));
        var sukkari = rows.First(r => r["place_id"] == "sukkari");
        Assert.Equal("Sukkari", sukkari["place"]);
    }

    [Fact]
    public async Task ClaimsCsvHasTheDocumentedColumnsAndTheSeedClaims()
    {
        var (header, rows) = Csv.Parse(await fixture.Client.GetStringAsync("/export/claims.csv"));
        Assert.Equal(["article_id", "outlet", "published", "value_percent", "scope", "kind", "count", "of", "hedge", "attributed_to",
            "matched_text", "sentence_index", "start", "length", "sentence", "stated_percent", "stated_holder"], header);
        Assert.Equal(7, rows.Count);
        // Every seed claim gives the government's share as written: none was converted from the rebels' share.
        Assert.All(rows, r => Assert.Equal(("", ""), (r["stated_percent"], r["stated_holder"])));
        var count = rows.Single(r => r["outlet"] == "Reuters (syndicated)" && r["kind"] == "neighbourhood_count");
        Assert.Equal(("80", "east", "32", "40", "exact", "Syrian military source"), (count["value_percent"], count["scope"], count["count"], count["of"], count["hedge"], count["attributed_to"]));
        Assert.Contains(count["matched_text"], count["sentence"]);
        var city = rows.Single(r => r["scope"] == "city");
        Assert.Equal(("99", "area", "2016-12-15", "Syrian state television"), (city["value_percent"], city["kind"], city["published"], city["attributed_to"]));
    }

    [Fact]
    public async Task ThePlaceFilterKeepsOnlyThatPlacesMentionsAndTheClaimsOfArticlesNamingIt()
    {
        var mentions = await Rows("/export/mentions.csv?place=sukkari");
        Assert.Equal(2, mentions.Count);
        Assert.All(mentions, r => Assert.Equal("sukkari", r["place_id"]));
        var claims = await Rows("/export/claims.csv?place=sukkari");
        Assert.Equal(["Business Recorder", "Syria Truths", "Syria Truths"], claims.Select(r => r["outlet"]).Order());
    }

    [Fact]
    public async Task OutletDateAndTextFiltersAreHonoured()
    {
        var tasnim = await Rows("/export/claims.csv?outlet=tasnim-news-agency");
        Assert.Equal(["80", "85"], tasnim.Select(r => r["value_percent"]).Order());
        Assert.All(tasnim, r => Assert.Equal("Tasnim News Agency", r["outlet"]));

        var late = await Rows("/export/claims.csv?from=2016-12-10");
        Assert.Equal(["50", "99"], late.Select(r => r["value_percent"]).Order());

        var october = await Rows("/export/mentions.csv?to=2016-10-31");
        Assert.Equal(7, october.Count);
        Assert.All(october, r => Assert.Equal("Middle East Observer", r["outlet"]));

        var searched = await Rows("/export/mentions.csv?q=Heluk");
        Assert.All(searched, r => Assert.Equal("Middle East Observer", r["outlet"]));
        Assert.NotEmpty(searched);
    }

    [Fact]
    public async Task TheArticleParameterNarrowsToOneArticleAndTheArticlePageLinksToIt()
    {
        var all = await Rows("/export/claims.csv");
        var articleId = all.Single(r => r["scope"] == "city")["article_id"];
        var one = await Rows($"/export/claims.csv?article={articleId}");
        Assert.Equal(2, one.Count);
        Assert.All(one, r => Assert.Equal(articleId, r["article_id"]));

        var page = await fixture.Client.GetStringAsync($"/articles/{articleId}");
        Assert.Contains($"/export/claims.csv?article={articleId}", page);
        Assert.Contains($"/export/mentions.csv?article={articleId}", page);
        Assert.Contains("99% of all of Aleppo", page);
        Assert.Contains("50% of Sukkari", page);
    }

    [Theory]
    [InlineData("/export/mentions.csv?from=yesterday")]
    [InlineData("/export/claims.csv?place=nowhere")]
    [InlineData("/export/claims.csv?article=abc")]
    [InlineData("/export/mentions.csv?article=1&article=2")]
    public async Task ABadFilterOrArticleGivesA400WithTheReason(string url)
    {
        var response = await fixture.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Bad request: ", await response.Content.ReadAsStringAsync());
    }
}
