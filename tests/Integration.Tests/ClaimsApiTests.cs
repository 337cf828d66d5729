using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AleppoDashboard.TestSupport;
using CsvHelper;

namespace AleppoDashboard.Integration.Tests;

/// <summary>The seeds-loaded app with a known set of control claims (see <see cref="ControlClaimSeeder"/>).</summary>
public sealed class KnownClaimsApp : IAsyncLifetime
{
    public DashboardAppFactory App { get; } = new();
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = App.CreateRealClient();
        await ControlClaimSeeder.ReplaceClaimsAsync(App.Services);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}

public partial class ClaimsApiTests(KnownClaimsApp fixture) : IClassFixture<KnownClaimsApp>
{
    /// <summary>(claim id, value, plotted) of each claim, in the order a view lists them.</summary>
    sealed record Listed(int Id, double Value, bool Plotted);

    async Task<JsonElement> ApiAsync(string query)
    {
        var response = await fixture.Client.GetAsync("/api/claims" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>The API's points: only plotted claims, so each is listed as plotted.</summary>
    static List<Listed> FromApi(JsonElement api) => api.GetProperty("claims").EnumerateArray()
        .Select(c => new Listed(c.GetProperty("id").GetInt32(), c.GetProperty("value").GetDouble(), true))
        .ToList();

    /// <summary>One claim with its sentence, from /api/claims/{id}.</summary>
    async Task<JsonElement> ClaimAsync(int id) => await ApiAsync("/" + id.ToString(CultureInfo.InvariantCulture));

    static string OutletNameOf(JsonElement api, JsonElement point) =>
        api.GetProperty("outlets")[point.GetProperty("outlet").GetInt32()].GetProperty("name").GetString()!;

    async Task<List<Listed>> FromTableAsync(string query)
    {
        var html = await fixture.Client.GetStringAsync("/control" + query);
        return TableRow().Matches(html)
            .Select(m => new Listed(int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture), m.Groups["plotted"].Value == "true"))
            .ToList();
    }

    async Task<List<Listed>> FromCsvAsync(string query)
    {
        var response = await fixture.Client.GetAsync("/export/control.csv" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString());
        using var csv = CsvReader.Create(new StringReader(await response.Content.ReadAsStringAsync()), new CsvReaderOptions(), leaveOpen: false);
        var rows = new List<Listed>();
        while (csv.Read())
        {
            Assert.True(csv.TryGetFieldIndex("claim_id", out var id));
            Assert.True(csv.TryGetFieldIndex("value_percent", out var value));
            Assert.True(csv.TryGetFieldIndex("plotted", out var plotted));
            rows.Add(new Listed(int.Parse(csv.GetString(id), CultureInfo.InvariantCulture), double.Parse(csv.GetString(value), CultureInfo.InvariantCulture), csv.GetString(plotted) == "yes"));
        }
        return rows;
    }

    [Theory]
    [InlineData("")]
    [InlineData("?scope=east")]
    [InlineData("?scope=city")]
    [InlineData("?scope=place:old-city")]
    [InlineData("?outlet=reuters-syndicated")]
    [InlineData("?from=2016-12-01&scope=east")]
    [InlineData("?q=%2285%25%22")]
    public async Task ApiTableAndCsvListTheSameClaimsInTheSameOrder(string query)
    {
        var table = await FromTableAsync(query);
        Assert.Equal(table, await FromCsvAsync(query));
        Assert.Equal(table.Where(c => c.Plotted), FromApi(await ApiAsync(query)));
    }

    [Fact]
    public async Task EastIsTheDefaultScopeAndListsTheEastClaimsByDate()
    {
        var api = await ApiAsync("");
        Assert.Equal("east", api.GetProperty("scope").GetString());
        Assert.Equal("east Aleppo", api.GetProperty("scopeLabel").GetString());
        // Five east claims; the month-only one (Oct 2016) is not a point, the four of 9 December are.
        var claims = api.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(4, claims.Count);
        Assert.Equal(["2016-12-09", "2016-12-09", "2016-12-09", "2016-12-09"], claims.Select(c => c.GetProperty("date").GetString()));
        Assert.Equal(["Business Recorder", "Reuters (syndicated)", "Reuters (syndicated)", "Tasnim News Agency"], claims.Select(c => OutletNameOf(api, c)));
        foreach (var c in claims)
        {
            Assert.Equal("east", (await ClaimAsync(c.GetProperty("id").GetInt32())).GetProperty("scope").GetString());
        }
    }

    [Fact]
    public async Task ApiGivesEachClaimsSentenceSpanAndLink()
    {
        var points = (await ApiAsync("?outlet=reuters-syndicated")).GetProperty("claims").EnumerateArray().ToList();
        var point = points.Single(c => c.GetProperty("kind").GetString() == "neighbourhood_count");
        Assert.Equal(80, point.GetProperty("value").GetDouble());
        Assert.Equal("exact", point.GetProperty("hedge").GetString());
        // A point carries no sentence; the claim's own endpoint does.
        Assert.False(point.TryGetProperty("sentence", out _));
        var count = await ClaimAsync(point.GetProperty("id").GetInt32());
        Assert.Equal(point.GetProperty("id").GetInt32(), count.GetProperty("claimId").GetInt32());
        Assert.Equal(32, count.GetProperty("count").GetInt32());
        Assert.Equal(40, count.GetProperty("of").GetInt32());
        Assert.Equal("exact", count.GetProperty("hedge").GetString());
        Assert.Equal("a Syrian military source", count.GetProperty("attributedTo").GetString());
        var sentence = count.GetProperty("sentence").GetString()!;
        Assert.Equal("32 of east Aleppo", sentence.Substring(count.GetProperty("start").GetInt32(), count.GetProperty("length").GetInt32()));
        Assert.Equal($"/articles/{count.GetProperty("articleId").GetInt32()}#s{count.GetProperty("sentenceIndex").GetInt32()}", count.GetProperty("href").GetString());
        Assert.Equal("day", count.GetProperty("precision").GetString());
        Assert.True(count.GetProperty("plotted").GetBoolean());
    }

    [Fact]
    public async Task MonthOnlyClaimIsListedWithANoteButNotPlotted()
    {
        Assert.Empty((await ApiAsync("?outlet=middle-east-observer")).GetProperty("claims").EnumerateArray());
        var listed = Assert.Single(await FromTableAsync("?outlet=middle-east-observer"));
        Assert.False(listed.Plotted);
        var claim = await ClaimAsync(listed.Id);
        Assert.Equal("month", claim.GetProperty("precision").GetString());
        Assert.False(claim.GetProperty("plotted").GetBoolean());

        var html = await fixture.Client.GetStringAsync("/control?outlet=middle-east-observer");
        Assert.Contains("Not in the chart: the article is dated only to the month.", html);
        Assert.Contains("nothing to plot", html);
        Assert.DoesNotContain("<canvas", html);
    }

    [Fact]
    public async Task ScopesListEveryScopeWithClaimsAndTheirCounts()
    {
        var scopes = (await ApiAsync("")).GetProperty("scopes").EnumerateArray()
            .Select(s => (s.GetProperty("scope").GetString(), s.GetProperty("label").GetString(), s.GetProperty("claims").GetInt32()))
            .ToList();
        Assert.Equal([("east", "east Aleppo", 5), ("city", "Aleppo as a whole", 1), ("place:old-city", "Old City", 1)], scopes);

        var html = await fixture.Client.GetStringAsync("/control?outlet=syria-truths");
        Assert.Contains("href=\"/control?outlet=syria-truths&amp;scope=city\"", html);
    }

    [Theory]
    [InlineData("/api/claims?scope=west")]
    [InlineData("/export/control.csv?scope=west")]
    [InlineData("/control?scope=west")]
    [InlineData("/api/claims?scope=place:no-such-place")]
    [InlineData("/control?scope=place:")]
    public async Task BadScopeIsABadRequestWithAOneLineReason(string url)
    {
        var response = await fixture.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches("'scope' (must be east, city or place:<gazetteer id>; got '[^']*'|names place 'no-such-place', which is not in the gazetteer)\\.", body);
    }

    [Fact]
    public async Task AClaimThatDoesNotExistIsNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.GetAsync("/api/claims/999999")).StatusCode);
    }

    [Fact]
    public async Task BadFilterIsABadRequestForTheApiAndTheExport()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Client.GetAsync("/api/claims?from=9-12-2016")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Client.GetAsync("/export/control.csv?outlet=nobody")).StatusCode);
    }

    [Fact]
    public async Task NoClaimsAfterFilteringSaysSoAndDrawsNoChart()
    {
        var html = await fixture.Client.GetStringAsync("/control?outlet=tasnim-news-agency&scope=city");
        Assert.Contains("so there is no chart", html);
        Assert.DoesNotContain("<canvas", html);
        Assert.DoesNotContain("control-table", html);
        Assert.Empty(FromApi(await ApiAsync("?outlet=tasnim-news-agency&scope=city")));
    }

    [Fact]
    public async Task ControlPageDrawsTheChartFromTheApiWithTheSameFilterAndScope()
    {
        var html = await fixture.Client.GetStringAsync("/control?outlet=reuters-syndicated&outlet=tasnim-news-agency");
        Assert.Contains("data-src=\"/api/claims?outlet=reuters-syndicated&amp;outlet=tasnim-news-agency&amp;scope=east\"", html);
        // Fingerprinted (MapStaticAssets): the address changes with the file, so browsers may keep it for a year.
        Assert.Matches("src=\"js/control-chart\\.[a-z0-9]+\\.js\"", html);
        Assert.Contains("href=\"/export/control.csv?outlet=reuters-syndicated&amp;outlet=tasnim-news-agency\"", html);
        var withScope = await fixture.Client.GetStringAsync("/control?scope=city");
        Assert.Contains("href=\"/export/control.csv?scope=city\"", withScope);
    }

    [Fact]
    public async Task OverviewShowsASmallChartLinkingToControlWithTheSameFilters()
    {
        var html = await fixture.Client.GetStringAsync("/?from=2016-12-01");
        Assert.Contains("data-mini", html);
        Assert.Contains("data-src=\"/api/claims?from=2016-12-01&amp;scope=east\"", html);
        Assert.Contains("href=\"/control?from=2016-12-01\"", html);
        Assert.Contains("4 claims", html);
    }

    [GeneratedRegex("<tr id=\"claim-\\d+\"(?: class=\"[^\"]*\")? data-claim=\"(?<id>\\d+)\" data-plotted=\"(?<plotted>true|false)\">.*?<span class=\"claim-value\">(?<value>[0-9.]+)%</span>", RegexOptions.Singleline)]
    private static partial Regex TableRow();
}
