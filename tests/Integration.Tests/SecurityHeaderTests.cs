using System.Net;
using AleppoDashboard.TestSupport;
using AngleSharp.Html.Parser;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// Every response (pages, exports, APIs, static files, 400 and 404 responses) carries the security headers, and no page
/// needs what the policy forbids: no inline script, no inline event handler, no style attribute or style block.
/// </summary>
public class SecurityHeaderTests(HostileAppFixture fixture) : IClassFixture<HostileAppFixture>
{
    public static TheoryData<string, HttpStatusCode> Responses()
    {
        var data = new TheoryData<string, HttpStatusCode>();
        foreach (var route in DashboardRoutes.All) data.Add(route, HttpStatusCode.OK);
        foreach (var route in DashboardRoutes.Pages.Where(p => p != "/articles/1")) data.Add(route + "?q=Sukkari&from=2016-12-01", HttpStatusCode.OK);
        // The sectors layer is the same for every filter, so it reads no filter and is not here.
        foreach (var route in DashboardRoutes.All.Where(r => r != "/api/map/sectors.geojson")) data.Add(route + "?from=not-a-date", HttpStatusCode.BadRequest);
        data.Add("/map?color=purple", HttpStatusCode.BadRequest);
        data.Add("/control?scope=nowhere", HttpStatusCode.BadRequest);
        data.Add("/articles?page=zero", HttpStatusCode.BadRequest);
        data.Add("/api/claims?scope=nowhere", HttpStatusCode.BadRequest);
        data.Add("/no-such-page", HttpStatusCode.NotFound);
        data.Add("/error", HttpStatusCode.NotFound);
        data.Add("/articles/999999", HttpStatusCode.NotFound);
        data.Add("/export/no-such.csv", HttpStatusCode.NotFound);
        data.Add("/css/site.css", HttpStatusCode.OK);
        data.Add("/js/map.js", HttpStatusCode.OK);
        data.Add("/favicon.svg", HttpStatusCode.OK);
        return data;
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task EveryResponseSendsTheSecurityHeaders(string url, HttpStatusCode expected)
    {
        using var response = await fixture.Client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("script-src 'self'", directives);
        // MudBlazor's one documented exception: inline styles (its theme element and style attributes), never inline script.
        Assert.Contains("style-src 'self' 'unsafe-inline'", directives);
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.Contains("object-src 'none'", directives);
        Assert.DoesNotContain("unsafe-inline", directives.Single(d => d.StartsWith("script-src", StringComparison.Ordinal)));
        Assert.DoesNotContain(directives, d => d.StartsWith("default-src", StringComparison.Ordinal) && d.Contains("unsafe"));
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    public static TheoryData<string> PageUrls() =>
    [
        .. DashboardRoutes.Pages,
        "/?q=Sukkari", "/articles?outlet=afp&page=1", "/map?color=outlet&place=sukkari", "/control?scope=city",
        "/compare?place=sukkari", "/compare?q=DROP", "/articles?from=not-a-date", "/no-such-page",
    ];

    [Theory]
    [MemberData(nameof(PageUrls))]
    public async Task NoPageHasInlineScriptEventHandlersOrStyleAttributes(string url)
    {
        var html = await (await fixture.Client.GetAsync(url)).Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        Assert.NotEmpty(document.QuerySelectorAll("main"));
        Assert.All(document.QuerySelectorAll("script"), s =>
        {
            Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline <script> on " + url);
            Assert.True(string.IsNullOrWhiteSpace(s.TextContent), "inline script text on " + url);
        });
        // <style> elements are the one documented exception (style-src 'unsafe-inline'): MudBlazor's theme provider writes
        // its CSS variables as one. Only those: anything else would be a page's own inline style.
        Assert.All(document.QuerySelectorAll("style"), s => Assert.True(s.ParentElement?.LocalName == "body" && s.PreviousElementSibling is null or { LocalName: "style" },
            "a <style> that is not MudBlazor's theme on " + url));
        var inlineAttributes = document.All
            .SelectMany(e => e.Attributes.Select(a => (Element: e.LocalName, a.Name, a.Value)))
            // MudLayout writes an empty style="", which holds no style; any style with content is a page's own.
            .Where(a => (a.Name == "style" && !string.IsNullOrWhiteSpace(a.Value)) || a.Name.StartsWith("on", StringComparison.Ordinal))
            .Select(a => $"<{a.Element} {a.Name}>")
            .ToList();
        Assert.Empty(inlineAttributes);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
    }
}
