using System.Globalization;
using System.Text.RegularExpressions;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// /articles and the overview keep a filter's article ids and outlet counts, and a search's matches, until the content
/// version moves; a change of the data shows on the next request of each, searched or not.
/// </summary>
public partial class ArticleListCacheTests
{
    static async Task<int> ListedAsync(HttpClient client, string query) =>
        PageNumbers.Of(ListCount().Match(await client.GetStringAsync("/articles" + query)));

    static async Task<int> OverviewAsync(HttpClient client, string query) =>
        PageNumbers.Of(OverviewCount().Match(await client.GetStringAsync("/" + query)));

    [Fact]
    public async Task ADeletedArticleLeavesTheListsTheSearchAndTheOverviewOnceTheContentVersionMoves()
    {
        await using var app = new DashboardAppFactory();
        using var client = app.CreateRealClient();
        const string search = "?q=Aleppo";
        var all = await ListedAsync(client, "");
        var found = await ListedAsync(client, search);
        Assert.InRange(found, 2, all);
        Assert.Equal(all, await OverviewAsync(client, ""));
        Assert.Equal(found, await OverviewAsync(client, search));
        var firstFound = int.Parse(HeadlineLink().Match(await client.GetStringAsync("/articles" + search)).Groups[1].Value, CultureInfo.InvariantCulture);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DashboardDb>();
            // Its sentences go with it (cascade), and out of the full-text index (trigger).
            Assert.Equal(1, await db.Articles.Where(a => a.Id == firstFound).ExecuteDeleteAsync());
            // Asked before the version moves: the kept answers.
            Assert.Equal(found, await ListedAsync(client, search));
            await ContentVersion.BumpAsync(db, default);
        }

        Assert.Equal(all - 1, await ListedAsync(client, ""));
        Assert.Equal(found - 1, await ListedAsync(client, search));
        Assert.Equal(all - 1, await OverviewAsync(client, ""));
        Assert.Equal(found - 1, await OverviewAsync(client, search));
        Assert.DoesNotContain(firstFound.ToString(System.Globalization.CultureInfo.InvariantCulture),
            HeadlineLink().Matches(await client.GetStringAsync("/articles" + search)).Select(m => m.Groups[1].Value));
    }

    [GeneratedRegex("""([\d,]+) articles? match(?:es)?, newest first""")]
    private static partial Regex ListCount();

    [GeneratedRegex("""([\d,]+) articles? from [\d,]+ outlets?""")]
    private static partial Regex OverviewCount();

    // The headline link carries the list's filter: /articles/7 or /articles/7?q=...
    [GeneratedRegex("""<a href="/articles/(\d+)(?:\?[^"#]*)?">""")]
    private static partial Regex HeadlineLink();
}
