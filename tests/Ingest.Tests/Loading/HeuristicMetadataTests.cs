using AleppoDashboard.Data.Articles;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Loading;

/// <summary>Files that no manifest describes: outlet from a known dateline, date from the text, each marked as guessed.</summary>
public class HeuristicMetadataTests
{
    [Theory]
    [InlineData("Headline\n\nTEHRAN (Tasnim) – Syrian forces advanced on Thursday.", "tasnim-news-agency")]
    [InlineData("Headline\n\nBEIRUT (Reuters) - Syrian forces advanced.", "reuters-syndicated")]
    [InlineData("Headline\n\nA picture. (Photo by AFP)\n\nSyrian forces advanced.", "afp")]
    [InlineData("Headline\n\nSyrian forces advanced, people said.", "unknown")]
    public async Task GuessesTheOutletFromTheDateline(string text, string slug)
    {
        using var harness = new IngestHarness();
        harness.Write("a.txt", text);
        await harness.IngestAsync();
        await using var db = harness.Db();
        var article = await db.Articles.Include(a => a.Outlet).SingleAsync();
        Assert.Equal(slug, article.Outlet.Slug);
        Assert.Equal(slug == "unknown" ? ValueOrigin.Unknown : ValueOrigin.Heuristic, article.OutletOrigin);
    }

    [Theory]
    [InlineData("Headline\n\n09 Dec, 2016\n\nText.", "2016-12-09")]
    [InlineData("Headline\n\nPhoto taken on December 8, 2016. Published 9 December 2016.", "2016-12-09")]
    [InlineData("Headline\n\nNo date here.", null)]
    public async Task TakesTheLatestDateWrittenInTheText(string text, string? expected)
    {
        using var harness = new IngestHarness();
        harness.Write("a.txt", text);
        await harness.IngestAsync();
        await using var db = harness.Db();
        var article = await db.Articles.SingleAsync();
        Assert.Equal(expected, article.Published?.ToString("yyyy-MM-dd"));
        Assert.Equal(expected is null ? ValueOrigin.Unknown : ValueOrigin.Heuristic, article.PublishedOrigin);
    }
}
