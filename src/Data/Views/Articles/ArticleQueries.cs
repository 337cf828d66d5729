using System.Linq.Expressions;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Articles;

public sealed record ArticleRow(
    int Id, string OutletSlug, string OutletName, DateOnly? Published, DatePrecision Precision,
    string Headline, string? Url, string SourceFile, int Words, string ContentHash);

public sealed record OutletSummary(string Slug, string Name, int Articles, DateOnly? First, DateOnly? Last, int Words);

/// <summary>Reads of articles and outlets, all through the shared filter.</summary>
public static class ArticleQueries
{
    /// <summary>The filtered articles, newest first (undated last), as rows for lists and exports.</summary>
    /// <remarks>
    /// SQLite sorts NULL below every value, so "Published DESC" already puts the undated last; without an
    /// "IS NULL" term the order is the Published index read backwards, and the first page needs no sort.
    /// </remarks>
    public static IQueryable<ArticleRow> ArticleRows(this DashboardDb db, DashboardFilter filter) =>
        NewestFirst(db, db.FilteredArticles(filter)).Select(AsRow);

    /// <summary>
    /// Newest first, undated last, on both providers. PostgreSQL sorts NULL first under DESC (SQLite last), so there the
    /// undated go last by a leading "Published IS NULL" key: without it the list and articles.csv put the undated
    /// first on PostgreSQL only (2,192 of the 100,000 benchmark articles), and the exports differed between providers.
    /// SQLite keeps the plain order, which its Published index gives without a sort.
    /// </summary>
    static IOrderedQueryable<Article> NewestFirst(DashboardDb db, IQueryable<Article> articles) => db.IsPostgres()
        ? articles.OrderBy(a => a.Published == null).ThenByDescending(a => a.Published).ThenByDescending(a => a.Id)
        : articles.OrderByDescending(a => a.Published).ThenByDescending(a => a.Id);

    static readonly Expression<Func<Article, ArticleRow>> AsRow = a => new ArticleRow(a.Id, a.Outlet.Slug, a.Outlet.Name,
        a.Published, a.PublishedPrecision, a.Headline, a.Url, a.SourceFile, a.Words, a.ContentHash);

    /// <summary>
    /// The ids of <see cref="ArticleRows"/>, in that order, cut from the date index alone (no article row, whose date is
    /// stored after the body, is read for the sort); a page then reads only its rows (<see cref="ArticleRowsAsync"/>).
    /// </summary>
    public static Task<int[]> NewestFirstIdsAsync(this DashboardDb db, DashboardFilter filter, CancellationToken ct) =>
        NewestFirst(db, db.FilteredArticles(filter)).Select(a => a.Id).ToArrayAsync(ct);

    /// <summary>The rows of <paramref name="ids"/> in that order (an id no longer in the database is left out).</summary>
    public static async Task<List<ArticleRow>> ArticleRowsAsync(this DashboardDb db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        int[] wanted = [.. ids];
        var rows = await db.Articles.AsNoTracking().Where(a => EF.Parameter(wanted).Contains(a.Id)).Select(AsRow).ToDictionaryAsync(r => r.Id, ct);
        return wanted.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    /// <summary>Per-outlet counts and date ranges of the filtered articles, most articles first.</summary>
    public static async Task<List<OutletSummary>> OutletSummariesAsync(this DashboardDb db, DashboardFilter filter, CancellationToken ct)
    {
        var groups = await db.FilteredArticles(filter)
            .GroupBy(a => a.OutletId)
            .Select(g => new { OutletId = g.Key, Articles = g.Count(), First = g.Min(a => a.Published), Last = g.Max(a => a.Published), Words = g.Sum(a => a.Words) })
            .ToListAsync(ct);
        var outlets = await db.Outlets.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        return groups
            .Select(g => new OutletSummary(outlets[g.OutletId].Slug, outlets[g.OutletId].Name, g.Articles, g.First, g.Last, g.Words))
            .OrderByDescending(o => o.Articles).ThenBy(o => o.Name)
            .ToList();
    }

    /// <summary>Every outlet, for the filter bar's choices.</summary>
    public static Task<List<Outlet>> AllOutletsAsync(this DashboardDb db, CancellationToken ct) =>
        db.Outlets.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);

    /// <summary>One article with its outlet and sentences in order, or null.</summary>
    public static Task<Article?> ArticleWithSentencesAsync(this DashboardDb db, int id, CancellationToken ct) =>
        db.Articles.AsNoTracking()
            .Include(a => a.Outlet)
            .Include(a => a.Sentences.OrderBy(s => s.Index))
            .SingleOrDefaultAsync(a => a.Id == id, ct);
}
