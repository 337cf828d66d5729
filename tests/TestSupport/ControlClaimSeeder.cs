using AleppoDashboard.Data;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.TestSupport;

/// <summary>
/// Replaces the control claims of a seeds-loaded app with a known set, written through <see cref="DashboardDb"/>,
/// so views of claims can be tested whatever the extractor finds. Also makes the Middle East Observer article
/// month-only, so one claim is listed but not plotted.
/// </summary>
public static class ControlClaimSeeder
{
    /// <summary>One claim to insert: which seed file, the exact words it covers, and its fields.</summary>
    public sealed record Want(string File, string Words, double Value, string Kind, string Scope, string Hedge, string AttributedTo, int? Count = null, int? Of = null);

    public const string MonthOnlyFile = "003_50821b62547c3bf8.txt";

    public static readonly Want[] Claims =
    [
        new("000_e9a252d1f1a17b5f.txt", "over 85 percent of the eastern part", 85, "area", "east", "over", "Tasnim News Agency"),
        new("001_076498367e560eef.txt", "32 of east Aleppo", 80, "neighbourhood_count", "east", "exact", "a Syrian military source", 32, 40),
        new("001_076498367e560eef.txt", "about 85% of the area", 85, "area", "east", "about", "a Syrian military source"),
        new("004_c2ce3b4b1e957bb0.txt", "about 85 percent of territory", 85, "area", "east", "about", "AFP"),
        new("002_398a2ebf296e5562.txt", "99 percent of", 99, "area", "city", "exact", "Syria's state-run television"),
        new(MonthOnlyFile, "major ground offensive", 60, "fraction", "east", "exact", "test: month-only article"),
        new(MonthOnlyFile, "rebel-held east", 40, "fraction", "place:old-city", "about", "test: place scope"),
    ];

    /// <summary>Deletes every control claim, inserts <see cref="Claims"/>, and returns how many were inserted.</summary>
    public static async Task<int> ReplaceClaimsAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDb>();
        await db.ControlClaims.ExecuteDeleteAsync();
        await db.Articles.Where(a => a.SourceFile == MonthOnlyFile)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Published, new DateOnly(2016, 10, 1)).SetProperty(a => a.PublishedPrecision, DatePrecision.Month));
        foreach (var want in Claims)
        {
            var sentence = await db.Sentences.Where(s => s.Article.SourceFile == want.File && s.Text.Contains(want.Words)).OrderBy(s => s.Index).FirstOrDefaultAsync()
                ?? throw new InvalidOperationException($"No sentence of {want.File} contains '{want.Words}'.");
            db.ControlClaims.Add(new ControlClaim
            {
                ArticleId = sentence.ArticleId, SentenceId = sentence.Id,
                Start = sentence.Text.IndexOf(want.Words, StringComparison.Ordinal), Length = want.Words.Length, MatchedText = want.Words,
                ValuePercent = want.Value, Kind = ClaimKinds.Parse(want.Kind), Scope = want.Scope, Hedge = ClaimHedges.Parse(want.Hedge), AttributedTo = want.AttributedTo,
                Count = want.Count, Of = want.Of,
            });
        }
        await db.SaveChangesAsync();
        await ContentVersion.BumpAsync(db, default);
        await services.StoreSharedCopiesAsync();
        return Claims.Length;
    }
}
