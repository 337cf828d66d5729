using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Views.Control;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Facets;

/// <summary>
/// Every control claim of one content version, compact, in the order every control view lists them (date, undated last;
/// outlet name; article; sentence; position: <see cref="ClaimQueries"/>). That order does not depend on the filter, so a
/// filter's claims of a scope are this list with the unselected articles left out, in one pass, instead of SQLite
/// joining and sorting the filtered claims with their articles, outlets and sentences for each new filter (seconds over
/// 100,000 articles: benchmarks/PERFORMANCE.md). Read with <see cref="ArticleFacets"/> in one snapshot. Immutable.
/// </summary>
public sealed class ClaimFacets
{
    public required int[] ClaimIds { get; init; }

    /// <summary>The claim's article, as a position in <see cref="ArticleFacets.Ids"/>.</summary>
    public required int[] Articles { get; init; }

    /// <summary>The claim's sentence (the comparison's claims row lists sentences).</summary>
    public required int[] SentenceIds { get; init; }

    /// <summary>The claim's scope, as a position in <see cref="Scopes"/>.</summary>
    public required int[] ScopeOf { get; init; }

    public required string[] Scopes { get; init; }

    /// <summary>The chart's point of a claim whose article is dated to the day; default (ClaimId 0) for the others.</summary>
    public required ScopeClaimPoint[] Points { get; init; }

    public static async Task<ClaimFacets> ReadAsync(DashboardDb db, ArticleFacets articles, CancellationToken ct)
    {
        var rows = db.ControlClaims.AsNoTracking()
            .OrderBy(c => c.Article.Published == null).ThenBy(c => c.Article.Published)
            .ThenBy(c => c.Article.Outlet.Name).ThenBy(c => c.ArticleId).ThenBy(c => c.Sentence.Index).ThenBy(c => c.Start).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ArticleId, c.SentenceId, c.Scope, c.Article.Published, c.Article.PublishedPrecision, c.ValuePercent, c.Article.OutletId, c.Kind, c.Hedge })
            .AsAsyncEnumerable();
        var ids = new List<int>();
        var at = new List<int>();
        var sentences = new List<int>();
        var scopeOf = new List<int>();
        var points = new List<ScopeClaimPoint>();
        var scopes = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var c in rows.WithCancellation(ct))
        {
            var article = Array.BinarySearch(articles.Ids, c.ArticleId);
            if (article < 0) throw new InvalidOperationException("The claim facets were read in another snapshot than the article facets.");
            ids.Add(c.Id);
            at.Add(article);
            sentences.Add(c.SentenceId);
            if (!scopes.TryGetValue(c.Scope, out var scope)) scopes[c.Scope] = scope = scopes.Count;
            scopeOf.Add(scope);
            points.Add(c.Published is { } published && c.PublishedPrecision == DatePrecision.Day
                ? new ScopeClaimPoint(c.Id, published, c.ValuePercent, c.OutletId, c.Kind, c.Hedge)
                : default);
        }
        return new ClaimFacets
        {
            ClaimIds = ids.ToArray(), Articles = at.ToArray(), SentenceIds = sentences.ToArray(), ScopeOf = scopeOf.ToArray(),
            Scopes = scopes.OrderBy(s => s.Value).Select(s => s.Key).ToArray(), Points = points.ToArray(),
        };
    }

    /// <summary>The claims of <paramref name="scope"/> in the <paramref name="selected"/> articles, in order, and their plottable points.</summary>
    public (int[] Ids, ScopeClaimPoint[] Points) OfScope(bool[] selected, string scope)
    {
        var wanted = Array.IndexOf(Scopes, scope);
        if (wanted < 0) return ([], []);
        var ids = new List<int>();
        var points = new List<ScopeClaimPoint>();
        for (var i = 0; i < ClaimIds.Length; i++)
        {
            if (ScopeOf[i] != wanted || !selected[Articles[i]]) continue;
            ids.Add(ClaimIds[i]);
            if (Points[i].ClaimId != 0) points.Add(Points[i]);
        }
        return (ids.ToArray(), points.ToArray());
    }

    /// <summary>How many claims of each scope the <paramref name="selected"/> articles hold (scopes without any left out).</summary>
    public Dictionary<string, int> CountByScope(bool[] selected)
    {
        var counts = new int[Scopes.Length];
        for (var i = 0; i < ClaimIds.Length; i++)
        {
            if (selected[Articles[i]]) counts[ScopeOf[i]]++;
        }
        return Enumerable.Range(0, Scopes.Length).Where(s => counts[s] > 0).ToDictionary(s => Scopes[s], s => counts[s], StringComparer.Ordinal);
    }

    /// <summary>How many claims of <paramref name="scope"/> in the <paramref name="selected"/> articles the chart can plot.</summary>
    public int PlottedCount(bool[] selected, string scope)
    {
        var wanted = Array.IndexOf(Scopes, scope);
        var count = 0;
        for (var i = 0; i < ClaimIds.Length; i++)
        {
            if (ScopeOf[i] == wanted && Points[i].ClaimId != 0 && selected[Articles[i]]) count++;
        }
        return count;
    }
}
