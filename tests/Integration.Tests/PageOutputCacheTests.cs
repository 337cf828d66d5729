using System.Net;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// A repeated page URL is served from the output cache (it carries an Age header) until the content version moves;
/// then the page is rendered again. Errors are never kept, and each query string has its own entry.
/// </summary>
public class PageOutputCacheTests
{
    static async Task<(HttpStatusCode Status, bool FromCache)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, response.Headers.Age is not null);
    }

    [Fact]
    public async Task APageIsKeptUntilTheContentVersionMoves()
    {
        await using var app = new DashboardAppFactory();
        using var client = app.CreateRealClient();
        foreach (var page in DashboardRoutes.Pages)
        {
            Assert.Equal((HttpStatusCode.OK, false), await GetAsync(client, page + "?q=Sukkari"));
            Assert.Equal((HttpStatusCode.OK, true), await GetAsync(client, page + "?q=Sukkari"));
            Assert.Equal((HttpStatusCode.OK, false), await GetAsync(client, page + "?q=Sukkari&from=2016-12-01"));
        }

        using (var scope = app.Services.CreateScope())
        {
            await ContentVersion.BumpAsync(scope.ServiceProvider.GetRequiredService<DashboardDb>(), default);
        }
        foreach (var page in DashboardRoutes.Pages)
        {
            Assert.Equal((HttpStatusCode.OK, false), await GetAsync(client, page + "?q=Sukkari"));
        }
    }

    [Fact]
    public async Task AnEnhancedNavigationAnswerFromTheCacheStillAllowsAnInPlacePatch()
    {
        // blazor.web.js compares the header's value case-sensitively; the cache used to give it back as "Allow",
        // which made every filter a reader had seen before (Back, Forward) a full page load.
        await using var app = new DashboardAppFactory();
        using var client = app.CreateRealClient();
        foreach (var cached in new[] { false, true })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/map?from=2016-12-05&to=2016-12-11");
            request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(cached, response.Headers.Age is not null);
            Assert.Equal(["allow"], response.Headers.GetValues("blazor-enhanced-nav"));
        }
    }

    [Fact]
    public async Task ABadRequestIsNeverKept()
    {
        await using var app = new DashboardAppFactory();
        using var client = app.CreateRealClient();
        Assert.Equal((HttpStatusCode.BadRequest, false), await GetAsync(client, "/map?color=purple"));
        Assert.Equal((HttpStatusCode.BadRequest, false), await GetAsync(client, "/map?color=purple"));
        Assert.Equal((HttpStatusCode.NotFound, false), await GetAsync(client, "/articles/999999"));
        Assert.Equal((HttpStatusCode.NotFound, false), await GetAsync(client, "/articles/999999"));
    }
}
