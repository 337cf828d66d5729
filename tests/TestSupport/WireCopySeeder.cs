using AleppoDashboard.Data;
using AleppoDashboard.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.TestSupport;

/// <summary>
/// Gives a loaded app a large amount of shared wire copy: appends the same <c>count</c> sentences to the first
/// article of two different outlets, so that 2 × <c>count</c> sentences are shared copy. Each sentence repeats
/// its own number between its words, so that no two of the added texts share a 3-word sequence (each is
/// copy of exactly one other sentence) and detection stays linear.
/// </summary>
public static class WireCopySeeder
{
    /// <summary>The words of added sentence <paramref name="n"/> (numbered from 1).</summary>
    public static string Text(int n) => $"Wire line {n} says {n} the {n} convoy {n} left {n} at {n} dawn {n} today.";

    /// <summary>Adds the sentences in one statement per article; returns the two article ids.</summary>
    public static async Task<(int First, int Second)> AddSharedSentencesAsync(this DashboardAppFactory factory, int count)
    {
        _ = factory.ServerAddress; // the app has started and loaded its articles
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDb>>().CreateDbContextAsync();
        var firsts = await db.Articles.AsNoTracking().GroupBy(a => a.OutletId).Select(g => g.Min(a => a.Id)).OrderBy(id => id).Take(2).ToListAsync();
        if (firsts.Count < 2) throw new InvalidOperationException("Needs articles of two outlets.");
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var article in firsts)
        {
            var last = await db.Sentences.Where(s => s.ArticleId == article).MaxAsync(s => s.Index);
            // A recursive CTE writes the rows in SQLite itself; they are added to the full-text index as the ingest does.
            var firstNew = await db.Sentences.MaxAsync(s => s.Id) + 1;
            await db.Database.ExecuteSqlRawAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {1})
                INSERT INTO sentences (ArticleId, "Index", Paragraph, Part, Start, Length, Text)
                SELECT {0}, {2} + i, 1, 0, 0, length(t), t
                FROM (SELECT i, printf('Wire line %d says %d the %d convoy %d left %d at %d dawn %d today.', i, i, i, i, i, i, i, i) AS t FROM n)
                """, article, count, last);
            await db.Database.ExecuteSqlRawAsync(SentenceSearchIndex.IndexNewSentencesSql.Replace("$first", "{0}"), firstNew);
        }
        await ContentVersion.BumpAsync(db, default);
        await transaction.CommitAsync();
        await factory.Services.StoreSharedCopiesAsync();
        return (firsts[0], firsts[1]);
    }
}
