using System.Net;
using AleppoDashboard.Data;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Integration.Tests;

/// <summary>An unexpected failure (here: a table gone from under the app) gives the plain error page with the security headers, never a stack trace.</summary>
public class ServerErrorTests
{
    [Fact]
    public async Task AnUnexpectedErrorGivesThePlainErrorPageWithTheSecurityHeaders()
    {
        await using var app = new DashboardAppFactory(HostileArticles.Folder);
        using var client = app.CreateRealClient();
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DashboardDb>().Database.ExecuteSqlRawAsync("DROP TABLE control_claims");
        }

        using var response = await client.GetAsync("/control");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html);
        Assert.DoesNotContain("control_claims", html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain(" at AleppoDashboard", html);
        Assert.Contains("frame-ancestors 'none'", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }
}
