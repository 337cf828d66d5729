using System.Net;
using System.Text.Json;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// Control claims the extractor must find in the seeds (issue 5). Needs the extraction work: on a branch
/// without it, the seeds give no claims and these fail.
/// </summary>
public class SeedClaimTests
{
    [Fact]
    public async Task SeedsGiveThe85PercentEastClaimsOf9DecemberFromSeveralOutletsAndThe99PercentCityClaimOf15December()
    {
        await using var app = new DashboardAppFactory();
        using var client = app.CreateRealClient();

        var east = await ClaimsAsync(client, "/api/claims?scope=east");
        var east85 = east.Where(c => c.Published == "2016-12-09" && c.Value == 85).ToList();
        Assert.Superset(new HashSet<string> { "tasnim-news-agency", "reuters-syndicated", "business-recorder" }, east85.Select(c => c.Outlet).ToHashSet());
        Assert.All(east85, c => Assert.True(c.Plotted));

        var city = await ClaimsAsync(client, "/api/claims?scope=city");
        Assert.Contains(city, c => c is { Published: "2016-12-15", Value: 99, Outlet: "syria-truths" });
        Assert.DoesNotContain(east, c => c.Value == 99);

        // The table shows the same claims as the API: the API's points are its plotted rows.
        var html = await client.GetStringAsync("/control?scope=city");
        Assert.Equal(city.Count, html.Split("data-plotted=\"true\"").Length - 1);
    }

    sealed record Claim(string? Published, double Value, string Outlet, bool Plotted);

    static async Task<List<Claim>> ClaimsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var outlets = json.RootElement.GetProperty("outlets");
        // Only plotted claims are points.
        return json.RootElement.GetProperty("claims").EnumerateArray()
            .Select(c => new Claim(c.GetProperty("date").GetString(), c.GetProperty("value").GetDouble(),
                outlets[c.GetProperty("outlet").GetInt32()].GetProperty("slug").GetString()!, true))
            .ToList();
    }
}
