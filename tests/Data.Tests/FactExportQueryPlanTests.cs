using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.Views.Articles;
using AleppoDashboard.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Tests;

/// <summary>
/// The mentions and claims exports come by article id, sentence index and position, and SQLite streams them
/// in that order from an index instead of sorting every row (with its sentence text) before the first byte.
/// </summary>
public sealed class FactExportQueryPlanTests : IDisposable
{
    readonly TempFolder folder = new();

    [Fact]
    public async Task TheUnfilteredExportsAreReadInIndexOrderWithoutASort()
    {
        await using var db = await SeededAsync();
        foreach (var plan in new[] { await PlanAsync(db, db.MentionRows(DashboardFilter.None)), await PlanAsync(db, db.ClaimRows(DashboardFilter.None)) })
        {
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(plan, step => step.Contains("IX_") && step.Contains("ArticleId_SentenceId_Start"));
        }
    }

    /// <summary>
    /// Filtered, SQLite reads the selected articles first; the claims export then orders by the joined article's id, so
    /// that it still streams instead of sorting every row before the first (it sorted when ordered by the claim's ArticleId).
    /// </summary>
    [Fact]
    public async Task FilteredExportsAreReadWithoutASortAndKeepTheUnfilteredOrder()
    {
        await using var db = await SeededAsync();
        var all = await db.ClaimRows(DashboardFilter.None).ToListAsync();
        var allMentions = await db.MentionRows(DashboardFilter.None).ToListAsync();
        var filters = new (DashboardFilter Filter, Func<ClaimRow, bool> Selects)[]
        {
            (DashboardFilter.None with { From = new DateOnly(2016, 10, 1), To = new DateOnly(2016, 12, 31) }, _ => true),
            (DashboardFilter.None with { From = new DateOnly(2016, 12, 1) }, c => c.Published >= new DateOnly(2016, 12, 1)),
            (DashboardFilter.None with { Outlets = ["afp"] }, _ => true),
        };
        foreach (var (filter, selects) in filters)
        {
            Assert.DoesNotContain(await PlanAsync(db, db.ClaimRows(filter)), step => step.Contains("TEMP B-TREE", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(await PlanAsync(db, db.MentionRows(filter)), step => step.Contains("TEMP B-TREE", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(all.Where(selects), await db.ClaimRows(filter).ToListAsync());
        }
        Assert.Equal(allMentions, await db.MentionRows(DashboardFilter.None with { Outlets = ["afp"] }).ToListAsync());
    }

    [Fact]
    public async Task MentionsComeByArticleThenSentenceIndexThenStartEvenAfterAnArticleWasRewritten()
    {
        await using var db = await SeededAsync();
        var rows = await db.MentionRows(DashboardFilter.None).ToListAsync();

        Assert.Equal(
            [(1, 0, 3), (1, 1, 0), (1, 1, 9), (2, 0, 0), (2, 2, 4), (2, 2, 12)],
            rows.Select(r => (r.ArticleId, r.SentenceIndex, r.Start)));
        var claims = await db.ClaimRows(DashboardFilter.None).ToListAsync();
        Assert.Equal([(1, 1, 2), (2, 0, 1), (2, 1, 5), (2, 2, 0)], claims.Select(c => (c.ArticleId, c.SentenceIndex, c.Start)));
    }

    [Fact]
    public async Task TheExportCommandsHaveTheRowsValuesAtTheDeclaredColumnPositions()
    {
        await using var db = await SeededAsync();
        var mentions = await db.MentionRows(DashboardFilter.None).ToListAsync();
        var read = await ReadAsync(db, db.MentionRows(DashboardFilter.None), MentionColumns.Count, r => new MentionRow(
            r.GetInt32(MentionColumns.ArticleId), r.GetString(MentionColumns.Outlet), r.GetFieldValue<DateOnly>(MentionColumns.Published),
            r.GetString(MentionColumns.PlaceId), r.GetString(MentionColumns.Place), r.GetString(MentionColumns.MatchedText),
            r.GetInt32(MentionColumns.SentenceIndex), r.GetString(MentionColumns.Sentence), r.GetInt32(MentionColumns.Start),
            r.GetInt32(MentionColumns.Length)));
        Assert.Equal(mentions, read);

        var claims = await db.ClaimRows(DashboardFilter.None).ToListAsync();
        var readClaims = await ReadAsync(db, db.ClaimRows(DashboardFilter.None), ClaimColumns.ColumnCount, r => new ClaimRow(
            r.GetInt32(ClaimColumns.ArticleId), r.GetString(ClaimColumns.Outlet), r.GetFieldValue<DateOnly>(ClaimColumns.Published),
            r.GetDouble(ClaimColumns.ValuePercent), r.GetString(ClaimColumns.Scope), ClaimKinds.Parse(r.GetString(ClaimColumns.Kind)),
            r.IsDBNull(ClaimColumns.Count) ? null : r.GetInt32(ClaimColumns.Count), r.IsDBNull(ClaimColumns.Of) ? null : r.GetInt32(ClaimColumns.Of),
            ClaimHedges.Parse(r.GetString(ClaimColumns.Hedge)), r.GetString(ClaimColumns.AttributedTo), r.GetString(ClaimColumns.MatchedText),
            r.GetInt32(ClaimColumns.SentenceIndex), r.GetString(ClaimColumns.Sentence), r.GetInt32(ClaimColumns.Start),
            r.GetInt32(ClaimColumns.Length), r.IsDBNull(ClaimColumns.ScopePlaceName) ? null : r.GetString(ClaimColumns.ScopePlaceName),
            r.IsDBNull(ClaimColumns.StatedPercent) ? null : r.GetDouble(ClaimColumns.StatedPercent),
            r.IsDBNull(ClaimColumns.StatedHolder) ? null : r.GetString(ClaimColumns.StatedHolder)));
        Assert.Equal(claims, readClaims);
        Assert.Contains(readClaims, c => c.ScopePlaceName == "Sukkari");
        Assert.Contains(readClaims, c => c.Count == 3 && c.Of == 4);
    }

    static async Task<List<T>> ReadAsync<T>(DashboardDb db, IQueryable<T> query, int columns, Func<System.Data.Common.DbDataReader, T> read)
    {
        await using var command = query.CreateDbCommand();
        await db.Database.OpenConnectionAsync();
        await using var reader = await command.ExecuteReaderAsync();
        Assert.Equal(columns, reader.FieldCount);
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <summary>
    /// Two articles; article 2 is older (published first) and article 1 was rewritten after article 2 was stored,
    /// so article 1's sentences have the higher ids. Facts are inserted out of order within each sentence.
    /// </summary>
    async Task<DashboardDb> SeededAsync()
    {
        var db = await DataServiceExtensions.CreateFactory(folder.File("plan.db")).CreateDbContextAsync();
        await SchemaInitializer.InitializeAsync(db);
        var outlet = new Outlet { Slug = "afp", Name = "AFP" };
        db.Places.Add(new Place { Id = "sukkari", Name = "Sukkari", Kind = "neighbourhood", Sector = "east", Confidence = "high" });
        var newer = Article(outlet, "a.txt", new DateOnly(2016, 12, 10));
        var older = Article(outlet, "b.txt", new DateOnly(2016, 11, 1));
        db.Articles.AddRange(newer, older);
        await db.SaveChangesAsync();
        var olderSentences = await SentencesAsync(db, older, 3);
        var newerSentences = await SentencesAsync(db, newer, 2); // stored after article 2's: higher ids
        Assert.True(newerSentences[0].Id > olderSentences[^1].Id);

        AddMention(db, olderSentences[2], 12);
        AddMention(db, newerSentences[1], 9);
        AddMention(db, olderSentences[0], 0);
        AddMention(db, newerSentences[1], 0);
        AddMention(db, olderSentences[2], 4);
        AddMention(db, newerSentences[0], 3);
        AddClaim(db, olderSentences[2], 0);
        AddClaim(db, newerSentences[1], 2);
        AddClaim(db, olderSentences[0], 1);
        db.Add(new ControlClaim
        {
            ArticleId = older.Id, SentenceId = olderSentences[1].Id, ValuePercent = 75, Kind = ClaimKind.NeighbourhoodCount, Scope = "place:sukkari",
            Count = 3, Of = 4, Hedge = ClaimHedge.About, AttributedTo = "SOHR", MatchedText = "3 of 4", Start = 5, Length = 6,
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return db;
    }

    static Article Article(Outlet outlet, string file, DateOnly published) =>
        new() { Outlet = outlet, Headline = "h", Body = "b", SourceFile = file, ContentHash = file, Published = published };

    static async Task<List<Sentence>> SentencesAsync(DashboardDb db, Article article, int count)
    {
        var sentences = Enumerable.Range(0, count)
            .Select(i => new Sentence { ArticleId = article.Id, Index = i, Text = $"Sentence {i} of {article.SourceFile} about Sukkari." }).ToList();
        foreach (var sentence in sentences)
        {
            db.Sentences.Add(sentence);
            await db.SaveChangesAsync(); // one at a time, so ids rise with the index
        }
        return sentences;
    }

    static void AddMention(DashboardDb db, Sentence sentence, int start) => db.Add(new PlaceMention
    {
        ArticleId = sentence.ArticleId, SentenceId = sentence.Id, PlaceId = "sukkari", MatchedText = "Sukkari", Start = start, Length = 7,
    });

    static void AddClaim(DashboardDb db, Sentence sentence, int start) => db.Add(new ControlClaim
    {
        ArticleId = sentence.ArticleId, SentenceId = sentence.Id, ValuePercent = 80, Kind = ClaimKind.Area, Scope = "east",
        Hedge = ClaimHedge.Exact, AttributedTo = "AFP", MatchedText = "80%", Start = start, Length = 3,
    });

    static async Task<List<string>> PlanAsync<T>(DashboardDb db, IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        if (command.Connection!.State != System.Data.ConnectionState.Open) await command.Connection.OpenAsync();
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }
        return plan;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
