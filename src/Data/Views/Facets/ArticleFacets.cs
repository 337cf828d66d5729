using System.Globalization;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AleppoDashboard.Data.Views.Facets;

/// <summary>
/// Per article, in memory, what the shared filter and the map's counts need: outlet, publication date and how often it
/// names each place. A new filter is then evaluated over these arrays (dates, outlets, places, and a search through its
/// <see cref="SearchMatches"/>) and the map's counts are summed over the selected articles' places, instead of SQLite
/// joining every filtered mention to its article for each filter (seconds over 100,000 articles, and growing with the
/// corpus: benchmarks/PERFORMANCE.md). Read in one snapshot at one <see cref="Version"/> (<see cref="ArticleFacetsCache"/>),
/// so a view computed from them is of that version only. Immutable once read: shared between requests.
/// </summary>
public sealed class ArticleFacets
{
    /// <summary>No date: sorts after every date in <see cref="Published"/>.</summary>
    public const int Undated = int.MinValue;

    public required long Version { get; init; }

    /// <summary>Article ids, ascending; every other array is indexed by position in this one.</summary>
    public required int[] Ids { get; init; }

    public required int[] OutletIds { get; init; }

    /// <summary><see cref="DateOnly.DayNumber"/> of the publication date, or <see cref="Undated"/>.</summary>
    public required int[] Published { get; init; }

    /// <summary>The article's <c>Words</c> (the framing matrix's per-1,000-words and the comparison's columns).</summary>
    public required int[] Words { get; init; }

    /// <summary>The gazetteer ids the articles name, by <see cref="PlaceOf"/> number.</summary>
    public required string[] PlaceIds { get; init; }

    /// <summary>An article's places are <see cref="PlaceOf"/>[<see cref="PlaceStart"/>[i] .. <see cref="PlaceStart"/>[i + 1]).</summary>
    public required int[] PlaceStart { get; init; }

    public required ushort[] PlaceOf { get; init; }

    /// <summary>How many mentions of that place the article has (same position as <see cref="PlaceOf"/>).</summary>
    public required int[] MentionsOf { get; init; }

    public required IReadOnlyDictionary<string, int> OutletIdsBySlug { get; init; }

    /// <summary>Where each article's sentences are among the sentence ids, when they lie as an ingest writes them (else null).</summary>
    public SentenceRanges? Sentences { get; init; }

    public int Count => Ids.Length;

    int[]? dateOrder;

    /// <summary>
    /// The article positions in date order, oldest first, undated last, ties by id: the order of the comparison's cells
    /// (<see cref="Compare.RankedSentences"/>). Computed on first use; the same for every filter.
    /// </summary>
    public int[] DateOrder => dateOrder ??= ComputeDateOrder();

    int[] ComputeDateOrder()
    {
        var order = Enumerable.Range(0, Ids.Length).ToArray();
        // Key: the day (undated as the largest), then the position, which follows the ids (they ascend).
        var keys = new long[Ids.Length];
        for (var i = 0; i < keys.Length; i++) keys[i] = ((long)(Published[i] == Undated ? int.MaxValue : Published[i]) << 24) | (uint)i;
        Array.Sort(keys, order);
        return order;
    }

    /// <summary>
    /// The ids at <paramref name="positions"/> newest first, ties by id, newest first (<see cref="Articles.ArticleQueries"/>'
    /// order: newest first, ties by id, undated last, on both providers).
    /// </summary>
    public int[] NewestFirstIds(int[] positions)
    {
        var selected = Mask(positions);
        var ids = new int[positions.Length];
        var n = 0;
        var order = DateOrder;
        // DateOrder is oldest first, undated last, ties by id: read backwards it is the undated (newest id first), then
        // the dated newest first.
        var undated = 0;
        while (undated < order.Length && Published[order[order.Length - 1 - undated]] == Undated) undated++;
        Take(order.Length - 1 - undated, 0);
        Take(order.Length - 1, order.Length - undated);
        return ids;

        void Take(int from, int downTo)
        {
            for (var i = from; i >= downTo; i--)
            {
                if (selected[order[i]]) ids[n++] = Ids[order[i]];
            }
        }
    }

    public static DateOnly? Date(int published) => published == Undated ? null : DateOnly.FromDayNumber(published);

    /// <summary>
    /// Reads the facets in the context's connection and transaction (a <see cref="Reads.ReadSnapshot"/>), of content version
    /// <paramref name="version"/> read in that same transaction. Two narrow reads: the articles' outlet and date from their
    /// covering index, and the mentions counted per place and article from the (PlaceId, ArticleId) index.
    /// </summary>
    public static async Task<ArticleFacets> ReadAsync(DashboardDb db, long version, CancellationToken ct)
    {
        var outlets = await db.Outlets.AsNoTracking().ToDictionaryAsync(o => o.Slug, o => o.Id, StringComparer.Ordinal, ct);
        var ids = new List<int>();
        var outletIds = new List<int>();
        var published = new List<int>();
        var words = new List<int>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // SQLite keeps a date as ISO text, PostgreSQL as a date.
            var dateColumn = db.IsPostgres();
            await using (var command = Command(db, "SELECT \"Id\", \"OutletId\", \"Published\", \"Words\" FROM articles ORDER BY \"Id\""))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    ids.Add(reader.GetInt32(0));
                    outletIds.Add(reader.GetInt32(1));
                    published.Add(reader.IsDBNull(2) ? Undated
                        : dateColumn ? reader.GetFieldValue<DateOnly>(2).DayNumber
                        : DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber);
                    words.Add(reader.GetInt32(3));
                }
            }
            var idArray = ids.ToArray();
            var places = new List<string>();
            var pairArticle = new List<int>();
            var pairPlace = new List<ushort>();
            var pairCount = new List<int>();
            // Ordered as grouped, so that each place's rows come together (SQLite's index gives that order anyway;
            // PostgreSQL may group by hashing). COUNT is a bigint on PostgreSQL: cast to the int read below.
            await using (var command = Command(db, """
                SELECT "PlaceId", "ArticleId", CAST(COUNT(*) AS integer) FROM place_mentions
                GROUP BY "PlaceId", "ArticleId" ORDER BY "PlaceId", "ArticleId"
                """))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                string? place = null;
                while (await reader.ReadAsync(ct))
                {
                    var id = reader.GetString(0);
                    if (id != place)
                    {
                        place = id;
                        places.Add(id);
                    }
                    var at = Array.BinarySearch(idArray, reader.GetInt32(1));
                    if (at < 0) continue; // a mention of an article that is not there: cannot happen in one snapshot
                    pairArticle.Add(at);
                    pairPlace.Add(checked((ushort)(places.Count - 1)));
                    pairCount.Add(reader.GetInt32(2));
                }
            }
            // Counting sort by article: each article's places in one run, in place order.
            var start = new int[idArray.Length + 1];
            foreach (var a in pairArticle) start[a + 1]++;
            for (var i = 0; i < idArray.Length; i++) start[i + 1] += start[i];
            var next = start[..^1].ToArray();
            var placeOf = new ushort[pairArticle.Count];
            var mentionsOf = new int[pairArticle.Count];
            for (var k = 0; k < pairArticle.Count; k++)
            {
                var slot = next[pairArticle[k]]++;
                placeOf[slot] = pairPlace[k];
                mentionsOf[slot] = pairCount[k];
            }
            return new ArticleFacets
            {
                Version = version, Ids = idArray, OutletIds = outletIds.ToArray(), Published = published.ToArray(), Words = words.ToArray(),
                PlaceIds = places.ToArray(), PlaceStart = start, PlaceOf = placeOf, MentionsOf = mentionsOf,
                OutletIdsBySlug = outlets, Sentences = await SentenceRanges.ReadAsync(db, idArray, ct),
            };
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    internal static System.Data.Common.DbCommand Command(DashboardDb db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// Whether <see cref="Select"/> can evaluate <paramref name="filter"/>: everything but a language (not held here) and a
    /// search whose matches are not attached (<see cref="SearchMatchCache.WithMatchesAsync"/>).
    /// </summary>
    public static bool CanSelect(DashboardFilter filter) =>
        filter.Languages.Count == 0 && (filter.Text is null || filter.Matches is { } m && m.AreFor(filter.Text));

    /// <summary>
    /// The positions of the articles <paramref name="filter"/> selects, ascending: the same articles as
    /// <see cref="FilterQueries.FilteredArticles"/> (FacetFilterTests compare the two).
    /// </summary>
    public int[] Select(DashboardFilter filter)
    {
        if (!CanSelect(filter)) throw new ArgumentException("A language filter, or a search without its matches, is evaluated in SQL.", nameof(filter));
        var from = filter.From?.DayNumber ?? int.MinValue;
        var to = filter.To?.DayNumber ?? int.MaxValue;
        var dated = filter.From is not null || filter.To is not null;
        HashSet<int>? outlets = filter.Outlets.Count == 0 ? null
            : [.. filter.Outlets.Select(s => OutletIdsBySlug.TryGetValue(s, out var id) ? id : -1)];
        bool[]? places = null;
        if (filter.Places.Count > 0)
        {
            places = new bool[PlaceIds.Length];
            for (var p = 0; p < PlaceIds.Length; p++) places[p] = filter.Places.Contains(PlaceIds[p], StringComparer.Ordinal);
        }
        var matched = filter.Text is null ? null : filter.Matches!.ArticleIds;
        var selected = new List<int>();
        var m = 0;
        for (var i = 0; i < Ids.Length; i++)
        {
            if (matched is not null)
            {
                while (m < matched.Length && matched[m] < Ids[i]) m++;
                if (m == matched.Length || matched[m] != Ids[i]) continue;
            }
            if (dated && (Published[i] == Undated || Published[i] < from || Published[i] > to)) continue;
            if (outlets is not null && !outlets.Contains(OutletIds[i])) continue;
            if (places is not null && !NamesAny(i, places)) continue;
            selected.Add(i);
        }
        return selected.ToArray();
    }

    /// <summary><see cref="Select"/> as a flag per article position.</summary>
    public bool[] Mask(int[] selected)
    {
        var mask = new bool[Ids.Length];
        foreach (var i in selected) mask[i] = true;
        return mask;
    }

    bool NamesAny(int article, bool[] places)
    {
        for (var k = PlaceStart[article]; k < PlaceStart[article + 1]; k++)
        {
            if (places[PlaceOf[k]]) return true;
        }
        return false;
    }
}
