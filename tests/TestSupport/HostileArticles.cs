using AleppoDashboard.Data;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.TestSupport;

/// <summary>
/// The hostile test articles (tests/Fixtures/hostile-articles): markup, script and Razor-looking text that every
/// page must show as inert text. Their payloads set <c>window.__pwned</c> or open an alert when they run.
/// </summary>
public static class HostileArticles
{
    public static string Folder => Path.Combine(RepoPaths.Tests, "Fixtures", "hostile-articles");

    public const string Headline = "<script>window.__pwned=1</script> Aleppo \"><svg onload=window.__pwned=1> {{7*7}} @DateTime.Now";
    public const string OutletName = "<b>Observer</b> <img src=x onerror=\"window.__pwned=1\">";
    public const string Url = "javascript:alert(1)";
    public const string ScriptSentence = "wrote <script>window.__pwned=1;alert(1)</script> on a wall";
    public const string ImgSentence = "a sign read <img src=x onerror=\"window.__pwned=1\"> and \"><svg onload=window.__pwned=1>";
    public const string RazorSentence = "quoted {{7*7}} and @DateTime.Now and @(1+1)";
    public const string RtlSentence = "was signed \u202Eexe.live\u202C and javascript:alert(1)";
    public const string ClaimWords = "90 percent of east Aleppo";
    public const string ClaimSentence = "said <b>government forces now hold 90 percent of east Aleppo</b> on Saturday";
    public const string DropTable = "'; DROP TABLE articles; --";

    /// <summary>
    /// Makes the facts the views need predictable whatever the extractor finds: a place mention for every gazetteer
    /// name in the text, and the "90 percent" control claim inside the bold markup.
    /// </summary>
    public static async Task EnsureFactsAsync(this DashboardAppFactory app)
    {
        await app.MentionPlaceNamesAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDb>();
        var sentence = await db.Sentences.SingleAsync(s => s.Text.Contains(ClaimWords));
        if (await db.ControlClaims.AnyAsync(c => c.SentenceId == sentence.Id)) return;
        db.ControlClaims.Add(new ControlClaim
        {
            ArticleId = sentence.ArticleId, SentenceId = sentence.Id, Start = sentence.Text.IndexOf(ClaimWords, StringComparison.Ordinal),
            Length = ClaimWords.Length, MatchedText = ClaimWords, ValuePercent = 90, Kind = ClaimKind.Area, Scope = "east", Hedge = ClaimHedge.Exact,
            AttributedTo = "<i>a military source</i>",
        });
        await db.SaveChangesAsync();
        await ContentVersion.BumpAsync(db, default);
        await app.Services.StoreSharedCopiesAsync();
    }
}
