using System.Globalization;
using System.Text;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Views.Facets;
using AleppoDashboard.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AleppoDashboard.Data.Views.Map;

/// <summary>
/// <see cref="MapAggregates"/>' two reads computed from <see cref="ArticleFacets"/>: the counts summed over the selected
/// articles' per-place counts in memory, and the excerpt candidates chosen in memory (the newest articles per place and
/// outlet) with only those articles' mentions of those places read from SQLite. Same rows as the SQL versions
/// (MapFacetAggregatesTests compare them); what changes is that no filter makes SQLite join every filtered mention to
/// its article.
/// </summary>
public static class MapFacetAggregates
{
    /// <summary>Mentions, first and last date per place and outlet of the <paramref name="selected"/> articles.</summary>
    public static List<PlaceOutletCount> Counts(ArticleFacets facets, int[] selected, DashboardFilter filter)
    {
        var places = PlacesShown(facets, filter);
        var outlets = facets.OutletIds.Length == 0 ? 1 : facets.OutletIds.Max() + 1;
        var mentions = new int[facets.PlaceIds.Length * outlets];
        var first = new int[mentions.Length];
        var last = new int[mentions.Length];
        Array.Fill(first, int.MaxValue);
        Array.Fill(last, int.MinValue);
        foreach (var a in selected)
        {
            var outlet = facets.OutletIds[a];
            var published = facets.Published[a];
            for (var k = facets.PlaceStart[a]; k < facets.PlaceStart[a + 1]; k++)
            {
                var place = facets.PlaceOf[k];
                if (places is not null && !places[place]) continue;
                var cell = place * outlets + outlet;
                mentions[cell] += facets.MentionsOf[k];
                if (published == ArticleFacets.Undated) continue;
                if (published < first[cell]) first[cell] = published;
                if (published > last[cell]) last[cell] = published;
            }
        }
        var rows = new List<PlaceOutletCount>();
        for (var cell = 0; cell < mentions.Length; cell++)
        {
            if (mentions[cell] == 0) continue;
            rows.Add(new PlaceOutletCount(facets.PlaceIds[cell / outlets], cell % outlets, mentions[cell],
                first[cell] == int.MaxValue ? null : DateOnly.FromDayNumber(first[cell]),
                last[cell] == int.MinValue ? null : DateOnly.FromDayNumber(last[cell])));
        }
        return rows;
    }

    /// <summary>
    /// Per place and outlet, the mentions of that place in its <paramref name="articles"/> newest selected articles
    /// (undated last; ties by article id), as <see cref="MapAggregates.NewestArticlesPerPlaceAndOutletAsync"/> ranks them.
    /// </summary>
    public static async Task<List<ExcerptCandidate>> NewestArticlesPerPlaceAndOutletAsync(
        DashboardDb db, ArticleFacets facets, int[] selected, DashboardFilter filter, int articles, CancellationToken ct)
    {
        var places = PlacesShown(facets, filter);
        var outlets = facets.OutletIds.Length == 0 ? 1 : facets.OutletIds.Max() + 1;
        var newest = new int[facets.PlaceIds.Length * outlets][];
        var held = new int[newest.Length];
        foreach (var a in selected)
        {
            var outlet = facets.OutletIds[a];
            for (var k = facets.PlaceStart[a]; k < facets.PlaceStart[a + 1]; k++)
            {
                if (places is not null && !places[facets.PlaceOf[k]]) continue;
                var cell = facets.PlaceOf[k] * outlets + outlet;
                Keep(newest[cell] ??= new int[articles], ref held[cell], a, facets);
            }
        }
        // (article id, place) → rank 1..n within its place and outlet.
        var ranks = new Dictionary<(int Article, string Place), int>();
        for (var cell = 0; cell < newest.Length; cell++)
        {
            for (var r = 0; r < held[cell]; r++) ranks[(facets.Ids[newest[cell][r]], facets.PlaceIds[cell / outlets])] = r + 1;
        }
        if (ranks.Count == 0) return [];
        var ids = new StringBuilder("[");
        foreach (var article in ranks.Keys.Select(k => k.Article).Distinct().Order())
        {
            if (ids.Length > 1) ids.Append(',');
            ids.Append(article.ToString(CultureInfo.InvariantCulture));
        }
        ids.Append(']');
        var outletOf = new Dictionary<int, int>();
        foreach (var cell in Enumerable.Range(0, newest.Length))
        {
            for (var r = 0; r < held[cell]; r++) outletOf[facets.Ids[newest[cell][r]]] = cell % outlets;
        }

        var rows = new List<ExcerptCandidate>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"""
                SELECT m."Id", m."PlaceId", m."ArticleId", m."SentenceId", s."Index", m."Start"
                FROM place_mentions AS m JOIN sentences AS s ON s."Id" = m."SentenceId"
                WHERE m."ArticleId" IN ({db.IdsFromJson("@map_articles")})
                """;
            command.Parameters.Add(db.Parameter("@map_articles", ids.ToString()));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var article = reader.GetInt32(2);
                var place = reader.GetString(1);
                if (!ranks.TryGetValue((article, place), out var rank)) continue;
                rows.Add(new ExcerptCandidate(reader.GetInt32(0), place, outletOf[article], rank, reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return rows;
    }

    /// <summary>Keeps <paramref name="article"/> among the newest <c>kept.Length</c> of one cell, newest first.</summary>
    static void Keep(int[] kept, ref int count, int article, ArticleFacets facets)
    {
        var at = count;
        while (at > 0 && Newer(article, kept[at - 1], facets)) at--;
        if (at >= kept.Length) return;
        var end = Math.Min(count, kept.Length - 1);
        for (var i = end; i > at; i--) kept[i] = kept[i - 1];
        kept[at] = article;
        if (count < kept.Length) count++;
    }

    /// <summary>The window's order: dated first, newest first, then the lower article id.</summary>
    static bool Newer(int a, int b, ArticleFacets facets)
    {
        int pa = facets.Published[a], pb = facets.Published[b];
        if ((pa == ArticleFacets.Undated) != (pb == ArticleFacets.Undated)) return pb == ArticleFacets.Undated;
        if (pa != pb) return pa > pb;
        return facets.Ids[a] < facets.Ids[b];
    }

    /// <summary>The filter's places as flags by facet place number (null: every place counts).</summary>
    static bool[]? PlacesShown(ArticleFacets facets, DashboardFilter filter)
    {
        if (filter.Places.Count == 0) return null;
        var shown = new bool[facets.PlaceIds.Length];
        for (var p = 0; p < shown.Length; p++) shown[p] = filter.Places.Contains(facets.PlaceIds[p], StringComparer.Ordinal);
        return shown;
    }
}
