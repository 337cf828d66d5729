using AleppoDashboard.Data.Facts;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Articles;

/// <summary>
/// A highlighted span of a sentence: what kind of fact it is, a short label for its details, and what it is about, so
/// that the page can link it (the place's id, the claim's id and scope, the framing term's id).
/// </summary>
public sealed record FactSpan(int SentenceId, int Start, int Length, string Kind, string Label)
{
    public string? PlaceId { get; init; }
    public int? ClaimId { get; init; }
    public string? Scope { get; init; }
    public string? TermId { get; init; }
}

public static class FactQueries
{
    /// <summary>Every extracted fact of one article as spans to highlight.</summary>
    public static async Task<List<FactSpan>> FactSpansOfArticleAsync(this DashboardDb db, int articleId, CancellationToken ct)
    {
        var spans = new List<FactSpan>();
        spans.AddRange(await db.PlaceMentions.AsNoTracking().Where(m => m.ArticleId == articleId)
            .Select(m => new FactSpan(m.SentenceId, m.Start, m.Length, "place", "Place: " + m.Place.Name) { PlaceId = m.PlaceId }).ToListAsync(ct));
        spans.AddRange((await db.ControlClaims.AsNoTracking().Where(c => c.ArticleId == articleId).ToListAsync(ct))
            .Select(c => new FactSpan(c.SentenceId, c.Start, c.Length, "claim", ClaimLabel(c)) { ClaimId = c.Id, Scope = c.Scope }));
        spans.AddRange(await db.SourceAttributions.AsNoTracking().Where(a => a.ArticleId == articleId)
            .Select(a => new FactSpan(a.SentenceId, a.Start, a.Length, "source", "Source: " + a.Source)).ToListAsync(ct));
        spans.AddRange(await db.FramingTermHits.AsNoTracking().Where(h => h.ArticleId == articleId)
            .Select(h => new FactSpan(h.SentenceId, h.Start, h.Length, "term", "Framing term: " + h.Term.Label + " (" + h.Term.GroupLabel + ")") { TermId = h.TermId }).ToListAsync(ct));
        return spans;
    }

    public static string ClaimLabel(ControlClaim c) =>
        $"Control claim: {c.ValuePercent:0.#}% of {ScopeLabel(c.Scope)} ({c.Kind.ToText().Replace('_', ' ')}, {c.Hedge.ToText()}"
        + (StatedShare.Describe(c.StatedPercent, c.StatedHolder) is { } stated ? $"; {stated}" : "") + $"), attributed to {c.AttributedTo}";

    public static string ScopeLabel(string scope) => scope switch
    {
        ClaimScopes.East => "east Aleppo",
        ClaimScopes.City => "all of Aleppo",
        _ when ClaimScopes.PlaceIdOf(scope) is { } id => id,
        _ => scope,
    };
}
