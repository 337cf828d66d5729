using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Integration.Tests;

/// <summary>The seeds-loaded app with the known claims plus 245 more east claims (250 east claims in all), so /control has three pages.</summary>
public sealed class ManyClaimsApp : IAsyncLifetime
{
    public const int EastClaims = 250;

    public DashboardAppFactory App { get; } = new();
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = App.CreateRealClient();
        await ControlClaimSeeder.ReplaceClaimsAsync(App.Services);
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDb>();
        var template = await db.ControlClaims.AsNoTracking().Where(c => c.Scope == "east").OrderBy(c => c.Id).FirstAsync();
        var known = await db.ControlClaims.CountAsync(c => c.Scope == "east");
        for (var i = known; i < EastClaims; i++)
        {
            db.ControlClaims.Add(new ControlClaim
            {
                ArticleId = template.ArticleId, SentenceId = template.SentenceId, Start = template.Start, Length = template.Length,
                MatchedText = template.MatchedText, ValuePercent = 10 + i % 80, Kind = template.Kind, Scope = "east",
                Hedge = template.Hedge, AttributedTo = template.AttributedTo,
            });
        }
        await db.SaveChangesAsync();
        // The claims above were written behind the app's back: say the data changed, as an ingest does, so that no view
        // cached (or warmed in the background) from the five seed claims is served for the 250.
        await ContentVersion.BumpAsync(db, default);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}

public partial class ControlPagingTests(ManyClaimsApp fixture) : IClassFixture<ManyClaimsApp>
{
    static List<int> ClaimIds(string html) => ClaimRow().Matches(html).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task TheTableShowsAHundredRowsAPageWithTheirRangeAndLinksThatKeepTheFilterAndScope()
    {
        const string Filter = "?from=2016-09-01&scope=east";
        var first = await fixture.Client.GetStringAsync("/control" + Filter);
        Assert.Equal(100, ClaimIds(first).Count);
        Assert.Contains("Rows 1–100 of 250", first);
        Assert.Contains("Page 1 of 3", first);
        Assert.Contains("href=\"/control?from=2016-09-01&amp;scope=east&amp;page=2\" rel=\"next\"", first);
        Assert.DoesNotContain("rel=\"prev\"", first);

        var last = await fixture.Client.GetStringAsync("/control" + Filter + "&page=3");
        Assert.Equal(50, ClaimIds(last).Count);
        Assert.Contains("Rows 201–250 of 250", last);
        Assert.Contains("href=\"/control?from=2016-09-01&amp;scope=east&amp;page=2\" rel=\"prev\"", last);
        Assert.DoesNotContain("rel=\"next\"", last);

        // The pages together list every claim once, in the export's order.
        var second = await fixture.Client.GetStringAsync("/control" + Filter + "&page=2");
        var paged = ClaimIds(first).Concat(ClaimIds(second)).Concat(ClaimIds(last)).ToList();
        var csv = await fixture.Client.GetStringAsync("/export/control.csv" + Filter);
        Assert.Equal(ManyClaimsApp.EastClaims, paged.Distinct().Count());
        Assert.Equal(ManyClaimsApp.EastClaims, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);

        // The chart still gets every plottable claim, not a page of them.
        Assert.Contains("aria-label=\"Chart of 249 claimed shares", first);
    }

    [Fact]
    public async Task APageAfterTheLastShowsTheLastPage()
    {
        var html = await fixture.Client.GetStringAsync("/control?page=9");
        Assert.Contains("Page 3 of 3", html);
        Assert.Equal(50, ClaimIds(html).Count);
    }

    [Fact]
    public async Task AClaimLinkOpensTheTableAtThePageOfThatClaimWithItsRowHighlighted()
    {
        var third = ClaimIds(await fixture.Client.GetStringAsync("/control?scope=east&page=3"));
        var wanted = third[10];
        var html = await fixture.Client.GetStringAsync($"/control?scope=east&claim={wanted}");
        Assert.Contains("Page 3 of 3", html);
        Assert.Contains($"<tr id=\"claim-{wanted}\" class=\"is-highlighted\" data-claim=\"{wanted}\"", html);
        Assert.Single(Regex.Matches(html, "is-highlighted"));

        // A claim the filter leaves out, or not a number: the first page, nothing marked.
        foreach (var claim in new[] { "999999", "x" })
        {
            var other = await fixture.Client.GetStringAsync("/control?scope=east&claim=" + claim);
            Assert.Contains("Page 1 of 3", other);
            Assert.DoesNotContain("is-highlighted", other);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("two")]
    [InlineData("-1")]
    public async Task ABadPageIsABadRequestWithAOneLineReason(string page)
    {
        var response = await fixture.Client.GetAsync("/control?page=" + page);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"'page' must be a whole number from 1 up; got '{page}'.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("<tr id=\"claim-\\d+\"(?: class=\"[^\"]*\")? data-claim=\"(\\d+)\"")]
    private static partial Regex ClaimRow();
}
