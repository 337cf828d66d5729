using AleppoDashboard.Data;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.FastInsert;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Ingest.Loading;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AleppoDashboard.Ingest.Tests.Loading;

/// <summary>
/// The ingest inserts articles, sentences and facts with prepared statements bound through SQLite's C API, not EF's
/// SaveChanges. A row written that way must be stored exactly as EF stores it: the same values with the same SQLite
/// types in every column (enums as integers, dates as text, nulls as nulls, text with quotes and non-Latin letters).
/// </summary>
public class RowInserterTests
{
    [Fact]
    public async Task RowsAreStoredAsEfStoresThem()
    {
        using var harness = new IngestHarness();
        await harness.OpenAsync();
        await using var db = harness.Db();
        var outlet = new Outlet { Slug = "test-outlet", Name = "Test Outlet" };
        db.Outlets.Add(outlet);
        var place = await db.Places.Select(p => p.Id).FirstAsync();

        Article NewArticle(string file, DateOnly? published) => new()
        {
            Outlet = outlet, OutletOrigin = ValueOrigin.Manifest, Headline = "Headline “quoted” حلب", Body = "Body text. <b>not bold</b>",
            Published = published, PublishedPrecision = published is null ? DatePrecision.None : DatePrecision.Day, PublishedOrigin = ValueOrigin.Heuristic,
            Url = published is null ? null : "https://example.org/a?b=1", SourceFile = file, ContentHash = "abc", IngestedAt = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero),
            Words = 7, Notes = published is null ? null : "a note",
        };
        Sentence NewSentence(Article article) => new() { Article = article, Index = 3, Part = TextPart.Body, Start = 12, Length = 9, Text = "It’s \"x\" — ok" };
        PlaceMention NewMention(Article article, Sentence sentence) => new()
        {
            Article = article, Sentence = sentence, Start = 2, Length = 5, MatchedText = "Hanano", PlaceId = place,
        };

        // Through EF.
        var byEf = new[] { NewArticle("ef-1.txt", new DateOnly(2016, 12, 13)), NewArticle("ef-2.txt", null) };
        db.Articles.AddRange(byEf);
        var efSentence = NewSentence(byEf[0]);
        db.Sentences.Add(efSentence);
        var efMention = NewMention(byEf[0], efSentence);
        db.PlaceMentions.Add(efMention);
        await db.SaveChangesAsync();

        // Through the inserter, in a transaction as the ingest does.
        var byInserter = new[] { NewArticle("raw-1.txt", new DateOnly(2016, 12, 13)), NewArticle("raw-2.txt", null) };
        await db.Database.OpenConnectionAsync();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var model = new DashboardDbModel(db.Model);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var transaction = (SqliteTransaction)tx.GetDbTransaction();
            using (var articles = new RowInserter<Article>(model, connection, transaction))
            {
                foreach (var a in byInserter)
                {
                    a.OutletId = outlet.Id;
                }
                articles.InsertAll(byInserter);
            }
            var sentence = NewSentence(byInserter[0]);
            sentence.ArticleId = byInserter[0].Id;
            using (var sentences = new RowInserter<Sentence>(model, connection, transaction)) sentences.InsertAll([sentence]);
            var mention = NewMention(byInserter[0], sentence);
            (mention.ArticleId, mention.SentenceId) = (byInserter[0].Id, sentence.Id);
            using (var mentions = new RowInserter<PlaceMention>(model, connection, transaction)) mentions.InsertAll([mention]);
            await tx.CommitAsync();
            Assert.Equal(byEf[1].Id + 1, byInserter[0].Id);
            Assert.Equal(efSentence.Id + 1, sentence.Id);
            Assert.Equal(efMention.Id + 1, mention.Id);
        }

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(await StoredAsync(db, "articles", byEf[i].Id, "SourceFile"), await StoredAsync(db, "articles", byInserter[i].Id, "SourceFile"));
        }
        Assert.Equal(await StoredAsync(db, "sentences", efSentence.Id, "ArticleId"), await StoredAsync(db, "sentences", efSentence.Id + 1, "ArticleId"));
        Assert.Equal(await StoredAsync(db, "place_mentions", efMention.Id, "ArticleId", "SentenceId"), await StoredAsync(db, "place_mentions", efMention.Id + 1, "ArticleId", "SentenceId"));
    }

    /// <summary>
    /// Rows go in by groups of <see cref="GroupedInsert{TRow}.RowsPerStatement"/> and the rest one by one: every row of a run
    /// that needs both is stored once, in order, with the id it was given, and the next run's ids follow on.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(GroupedInsert<Sentence>.RowsPerStatement)]
    [InlineData(2 * GroupedInsert<Sentence>.RowsPerStatement + 5)]
    public async Task EveryRowOfALongRunIsStoredOnceInOrder(int count)
    {
        using var harness = new IngestHarness();
        await harness.OpenAsync();
        await using var db = harness.Db();
        var article = new Article
        {
            Outlet = new Outlet { Slug = "test-outlet", Name = "Test Outlet" }, Headline = "h", Body = "b", SourceFile = "a.txt",
            ContentHash = "abc", IngestedAt = DateTimeOffset.UnixEpoch,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        await db.Database.OpenConnectionAsync();
        var runs = new List<List<Sentence>>();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            using var sentences = new RowInserter<Sentence>(new DashboardDbModel(db.Model), (SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)tx.GetDbTransaction());
            for (var run = 0; run < 2; run++)
            {
                var rows = Enumerable.Range(run * count, count)
                    .Select(i => new Sentence { ArticleId = article.Id, Index = i, Part = TextPart.Body, Start = 10 * i, Length = 3, Text = $"sentence {i}" })
                    .ToList();
                sentences.InsertAll(rows);
                runs.Add(rows);
            }
            await tx.CommitAsync();
        }

        var given = runs.SelectMany(r => r).ToList();
        var firstId = given[0].Id;
        Assert.Equal(Enumerable.Range(firstId, 2 * count), given.Select(s => s.Id));
        var stored = await db.Sentences.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Index, s.Start, s.Text }).ToListAsync();
        Assert.Equal(given.Select(s => new { s.Id, s.Index, s.Start, s.Text }), stored);
    }

    /// <summary>Every column of the row as "name typeof value", but the id and the given columns (which point at other rows).</summary>
    static async Task<List<string>> StoredAsync(DashboardDb db, string table, int id, params string[] except)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE Id = {id}";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no row {id} in {table}");
        var columns = new List<string>();
        for (var c = 0; c < reader.FieldCount; c++)
        {
            var name = reader.GetName(c);
            if (name == "Id" || except.Contains(name)) continue;
            columns.Add($"{name} {((SqliteDataReader)reader).GetDataTypeName(c)} {reader.GetValue(c)}");
        }
        return columns;
    }
}
