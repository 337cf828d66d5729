using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// The web app only reads. Ingest and re-extraction are command-line only (src/Ingest/Cli/IngestProgram: ingest, watch,
/// reextract); there is no HTTP write endpoint, so a POST, PUT, DELETE or PATCH to any route is refused and changes nothing.
/// </summary>
public class NoWriteEndpointTests(HostileAppFixture fixture) : IClassFixture<HostileAppFixture>
{
    static readonly string[] Methods = ["POST", "PUT", "DELETE", "PATCH"];

    static readonly string[] Guesses = ["/ingest", "/reextract", "/api/ingest", "/api/reextract", "/api/articles", "/api/articles/1", "/export", "/api", "/error", "/not-found"];

    [Fact]
    public async Task NoRouteAcceptsAWriteAndTheArticlesStay()
    {
        var before = await fixture.ArticleCountAsync();
        var accepted = new List<string>();
        foreach (var route in DashboardRoutes.All.Concat(Guesses))
        {
            foreach (var method in Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), route)
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["file"] = "x.txt", ["text"] = "Aleppo", ["_handler"] = "x" }),
                };
                using var response = await fixture.Client.SendAsync(request);
                if ((int)response.StatusCode is not (400 or 404 or 405)) accepted.Add($"{method} {route}: {(int)response.StatusCode}");
            }
        }
        Assert.Empty(accepted);
        Assert.Equal(before, await fixture.ArticleCountAsync());
    }
}
