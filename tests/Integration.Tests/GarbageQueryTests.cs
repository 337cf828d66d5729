using System.Net;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// Every parameter of every page, export and API with garbage, huge, repeated, control-character and injection-looking
/// values: a 400 with a reason or a 200, never a server error; and the database keeps its articles.
/// </summary>
public class GarbageQueryTests(HostileAppFixture fixture) : IClassFixture<HostileAppFixture>
{
    static readonly string[] Values =
    [
        "garbage", "", " ", "-1", "0", "99999999999999999999", "2147483648", "1e9", "NaN", "2016-13-45", "2016-02-30", "0001-01-01",
        "\u0001\u0002\u001f", "\0", "a\0b", "\r\n", "\u202Eevil", "\uFFFF", "😀", new string('x', 6000),
        HostileArticles.DropTable, "\" OR 1=1", "' OR '1'='1", "NEAR(", "NEAR(a b", "*", "^", "col:", "text:x", "\"", "(", ")",
        "AND", "OR NOT", "a AND OR b", "place:", "place:nowhere", "term:", "term:zzz", "q:", "q:DROP", "city", "place:old-city",
        "../../etc/passwd", "<script>alert(1)</script>", "%", "%00", "%ZZ", "{{7*7}}", "@DateTime.Now", "desc", "asc", "name", "outlet",
    ];

    static async Task AssertHandledAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var status = (int)response.StatusCode;
        Assert.True(status is 200 or 400 or 404, $"{url[..Math.Min(url.Length, 200)]} gave {status}");
        if (status == 400)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(body.Contains("Bad request", StringComparison.OrdinalIgnoreCase) || body.Contains("role=\"alert\"", StringComparison.Ordinal),
                $"{url[..Math.Min(url.Length, 200)]} gave a 400 without a reason");
        }
        else
        {
            await response.Content.ReadAsByteArrayAsync(); // a streamed export must finish without an error too
        }
    }

    /// <summary>Runs the requests a few at a time (the app is real Kestrel) and collects every failure.</summary>
    async Task AssertAllHandledAsync(IEnumerable<string> urls)
    {
        using var gate = new SemaphoreSlim(4);
        var failures = new List<string>();
        await Task.WhenAll(urls.Select(async url =>
        {
            await gate.WaitAsync();
            try { await AssertHandledAsync(fixture.Client, url); }
            catch (Exception e) { lock (failures) failures.Add(e.Message); }
            finally { gate.Release(); }
        }));
        Assert.Empty(failures);
    }

    public static TheoryData<string> Routes() => [.. DashboardRoutes.All, "/error", "/not-found"];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryParameterWithGarbageGivesABadRequestOrAResult(string route)
    {
        var before = await fixture.ArticleCountAsync();
        var urls = DashboardRoutes.Parameters.SelectMany(p => Values.Select(v => $"{route}?{p}={Uri.EscapeDataString(v)}"));
        await AssertAllHandledAsync(urls);
        Assert.Equal(before, await fixture.ArticleCountAsync());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task RepeatedRawAndManyParametersGiveABadRequestOrAResult(string route)
    {
        var urls = DashboardRoutes.Parameters.SelectMany(p => new[]
        {
            route + "?" + string.Join("&", Enumerable.Repeat($"{p}=a", 50)),
            route + "?" + string.Join("&", Enumerable.Range(0, 50).Select(i => $"{p}={i}")),
            $"{route}?{p}=%00", $"{route}?{p}=%", $"{route}?{p}=%ZZ%", $"{route}?{p}=%ED%A0%80", $"{route}?{p}", $"{route}?{p}=&{p}=",
        }).Append(route + "?" + string.Join("&", Enumerable.Range(0, 300).Select(i => $"k{i}=v{i}")))
          .Append(route + "?" + string.Join("&", DashboardRoutes.Parameters.Select(p => $"{p}={Uri.EscapeDataString(HostileArticles.DropTable)}")));
        await AssertAllHandledAsync(urls);
    }

    [Fact]
    public async Task AHugeValueGetsTheAppsOwn400AndOnlyAnAbsurdOneTheServers414()
    {
        // The request line is allowed 64 KB (ServiceExtensions), so a 10 KB search reaches the filter parser.
        using var huge = await fixture.Client.GetAsync("/articles?q=" + new string('x', 10 * 1024));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("characters long", await huge.Content.ReadAsStringAsync());
        using var absurd = await fixture.Client.GetAsync("/articles?q=" + new string('x', 100 * 1024));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, absurd.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.GetAsync("/articles")).StatusCode);
    }

    [Fact]
    public async Task SearchingForDropTableFindsTheTextAndDropsNothing()
    {
        var before = await fixture.ArticleCountAsync();
        var q = Uri.EscapeDataString(HostileArticles.DropTable);
        var (_, rows) = Csv.Parse(await fixture.Client.GetStringAsync("/export/articles.csv?q=" + q));
        Assert.Equal(HostileArticles.Headline, Assert.Single(rows)["headline"]);
        var page = await fixture.Client.GetStringAsync("/articles?q=" + q);
        Assert.Contains("DROP TABLE articles", page);
        Assert.Equal(before, await fixture.ArticleCountAsync());
        Assert.Equal(2, before);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.GetAsync("/articles/1")).StatusCode);
    }
}
