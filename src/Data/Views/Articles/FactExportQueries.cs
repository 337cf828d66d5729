using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Articles;

public sealed record MentionRow(
    int ArticleId, string Outlet, DateOnly? Published, string PlaceId, string Place, string MatchedText,
    int SentenceIndex, string Sentence, int Start, int Length);

public sealed record ClaimRow(
    int ArticleId, string Outlet, DateOnly? Published, double ValuePercent, string Scope, ClaimKind Kind, int? Count, int? Of,
    ClaimHedge Hedge, string AttributedTo, string MatchedText, int SentenceIndex, string Sentence, int Start, int Length, string? ScopePlaceName,
    double? StatedPercent, string? StatedHolder)
{
    /// <summary>"stated: rebels hold 7%" for a claim converted from the rebels' share, else null.</summary>
    public string? Stated => StatedShare.Describe(StatedPercent, StatedHolder);

    /// <summary>"east Aleppo", "all of Aleppo", or the neighbourhood's name.</summary>
    public string ScopeLabel => ScopePlaceName ?? FactQueries.ScopeLabel(Scope);
}

/// <summary>
/// Place mentions and control claims as rows for exports, through the shared filter, optionally of one article.
/// Rows come by article id, then sentence index, then position in the sentence: the order of the index on
/// (ArticleId, SentenceId, Start), so SQLite streams them without sorting (sentence ids rise with the index
/// within an article; see FactConfiguration).
/// </summary>
public static class FactExportQueries
{
    public static IQueryable<MentionRow> MentionRows(this DashboardDb db, DashboardFilter filter, int? articleId = null)
    {
        // Unfiltered: every mention, without the redundant "ArticleId IN (all articles)", so SQLite reads them in index
        // order without a sort. (The map keeps that term: without it SQLite picks a worse plan for its aggregates.)
        var mentions = filter.IsEmpty ? db.PlaceMentions.AsNoTracking() : db.FilteredMentions(filter);
        if (articleId is { } id) mentions = mentions.Where(m => m.ArticleId == id);
        return mentions
            .OrderBy(m => m.ArticleId).ThenBy(m => m.SentenceId).ThenBy(m => m.Start)
            .Select(m => new MentionRow(m.ArticleId, m.Article.Outlet.Name, m.Article.Published, m.PlaceId, m.Place.Name, m.MatchedText,
                m.Sentence.Index, m.Sentence.Text, m.Start, m.Length));
    }

    public static IQueryable<ClaimRow> ClaimRows(this DashboardDb db, DashboardFilter filter, int? articleId = null)
    {
        var claims = filter.IsEmpty ? db.ControlClaims.AsNoTracking() : db.FilteredFacts<ControlClaim>(filter);
        if (articleId is { } id) claims = claims.Where(c => c.ArticleId == id);
        // Filtered on SQLite, the same order is given by the joined article's id (equal to ArticleId): there the planner
        // reads the filtered articles first, then each one's claims, and ordered by the claim's ArticleId it did not see
        // that its rows already come in that order, so it sorted every row, texts included, before the first (seconds
        // for a long date range; benchmarks/PERFORMANCE.md, issue 18). Unfiltered it reads the claims' index in order,
        // which only ArticleId matches.
        var ordered = filter.IsEmpty || db.IsPostgres() ? claims.OrderBy(c => c.ArticleId) : claims.OrderBy(c => c.Article.Id);
        return ordered.ThenBy(c => c.SentenceId).ThenBy(c => c.Start)
            .Select(c => new ClaimRow(c.ArticleId, c.Article.Outlet.Name, c.Article.Published, c.ValuePercent, c.Scope, c.Kind, c.Count, c.Of,
                c.Hedge, c.AttributedTo, c.MatchedText, c.Sentence.Index, c.Sentence.Text, c.Start, c.Length,
                // "place:<id>" → the place's id, looked up by primary key ("east", "city" find nothing).
                db.Places.Where(p => c.Scope.StartsWith("place:") && p.Id == c.Scope.Substring(6)).Select(p => p.Name).FirstOrDefault(),
                c.StatedPercent, c.StatedHolder));
    }
}

/// <summary>
/// Column positions in the SQL of <see cref="FactExportQueries.MentionRows"/> (EF selects the record's constructor
/// arguments in order), for exports that read that command with a plain data reader.
/// </summary>
public static class MentionColumns
{
    public const int ArticleId = 0, Outlet = 1, Published = 2, PlaceId = 3, Place = 4, MatchedText = 5,
        SentenceIndex = 6, Sentence = 7, Start = 8, Length = 9, Count = 10;
}

/// <summary>Column positions in the SQL of <see cref="FactExportQueries.ClaimRows"/> (as <see cref="MentionColumns"/>).</summary>
public static class ClaimColumns
{
    public const int ArticleId = 0, Outlet = 1, Published = 2, ValuePercent = 3, Scope = 4, Kind = 5, Count = 6, Of = 7,
        Hedge = 8, AttributedTo = 9, MatchedText = 10, SentenceIndex = 11, Sentence = 12, Start = 13, Length = 14,
        ScopePlaceName = 15, StatedPercent = 16, StatedHolder = 17, ColumnCount = 18;
}
