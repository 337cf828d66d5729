using AleppoDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.TestSupport;

/// <summary>
/// What a database holds per article, as one line each, in source-file order: the file, headline, content hash and
/// how many sentences, place mentions, control claims, source attributions and framing-term hits it has. Two
/// databases loaded from the same folder give the same lines whatever the provider; an article stored twice gives two
/// lines, a half-written one different counts.
/// </summary>
public static class CorpusRows
{
    public static async Task<List<string>> ReadAsync(IDbContextFactory<DashboardDb> databases)
    {
        await using var db = await databases.CreateDbContextAsync();
        var articles = await db.Articles.AsNoTracking().Select(a => new { a.Id, a.SourceFile, a.Headline, a.ContentHash }).ToListAsync();
        var sentences = await CountsAsync(db.Sentences.Select(s => s.ArticleId));
        var mentions = await CountsAsync(db.PlaceMentions.Select(s => s.ArticleId));
        var claims = await CountsAsync(db.ControlClaims.Select(s => s.ArticleId));
        var sources = await CountsAsync(db.SourceAttributions.Select(s => s.ArticleId));
        var terms = await CountsAsync(db.FramingTermHits.Select(s => s.ArticleId));
        int Of(Dictionary<int, int> counts, int id) => counts.GetValueOrDefault(id);
        return articles
            .Select(a => $"{a.SourceFile} | {a.Headline} | {a.ContentHash} | sentences {Of(sentences, a.Id)}, places {Of(mentions, a.Id)}, " +
                         $"claims {Of(claims, a.Id)}, sources {Of(sources, a.Id)}, terms {Of(terms, a.Id)}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    static async Task<Dictionary<int, int>> CountsAsync(IQueryable<int> articleIds) =>
        await articleIds.GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
}
