using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.Text;
using AleppoDashboard.Data.Views.Articles;
using AleppoDashboard.Data.Views.Compare;
using AleppoDashboard.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Tests;

/// <summary>
/// Search finds Arabic whatever its alef, yaa, taa marbuta, harakat, tatweel, digits or fused clitics, as phrases and
/// prefixes too, and its highlights land on the words as they are written.
/// </summary>
public sealed class ArabicSearchTests : IDisposable
{
    readonly TempFolder folder = new();

    const string Written = "قصفت الطائرات حيَّ الشّيخ سعيد وبالشيخ سعيد دارت اشتباكات مع الإرهابيين في مدرسةٍ بالمـــدينة، وسيطر الجيش على ٧٨٪.";

    [Theory]
    [InlineData("حَلَب", "\"حلب\"")]
    [InlineData("إرهابيين", "\"ارهابيين\"")]
    [InlineData("مستشفى", "\"مستشفي\"")]
    [InlineData("مدرسة", "\"مدرسه\"")]
    [InlineData("شــارع", "\"شارع\"")]
    [InlineData("بالشيخ", "\"شيخ\"")]
    [InlineData("الشيخ", "\"شيخ\"")]
    [InlineData("للسكري", "\"سكري\"")]
    [InlineData("\"الشَّيخ سعيد\"", "\"شيخ سعيد\"")]
    [InlineData("الي", "\"الي\"")]
    [InlineData("إرهاب*", "\"ارهاب\"*")]
    [InlineData("٧٨", "\"78\"")]
    [InlineData("۷۸", "\"78\"")]
    [InlineData("Sha'ar", "\"Sha ar\"")]
    public void TheQueryIsFoldedAsTheIndexIs(string typed, string match) =>
        Assert.Equal(match, SearchQuery.Parse(typed).Match);

    [Theory]
    [InlineData("حيَّ الشّيخ سعيد وبالشيخ سعيد", "حي شيخ سعيد شيخ سعيد")]
    [InlineData("يسيطر على ٦٤٪ من الأحياء الشرقية لحلب وللسكري فالمدرسة.", "يسيطر علي 64% من احياء شرقيه لحلب سكري مدرسه.")]
    [InlineData("مدرسةٍ بالمـــدينة، إلى", "مدرسه مدينه، الي")]
    [InlineData("Government forces took Sukkari, 78%.", "Government forces took Sukkari, 78%.")]
    public void TheIndexHoldsTheFoldedWordsWithoutTheirArticle(string text, string folded)
    {
        Assert.Equal(folded, FoldedText.Of(text).Text);
        Assert.Equal(folded == text ? null : folded, SearchFolding.IndexTextOf(text));
        // Folding again changes nothing, so a folded search finds the folded text.
        Assert.Equal(folded, FoldedText.Of(folded).Text);
    }

    [Fact]
    public void AMatchInTheFoldedTextCoversTheWordAsWritten()
    {
        var folded = FoldedText.Of(Written);
        Assert.Equal("الشّيخ", Original(folded, folded.Text.IndexOf("شيخ", StringComparison.Ordinal), 3));
        var second = folded.Text.IndexOf("شيخ", folded.Text.IndexOf("شيخ", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        Assert.Equal("وبالشيخ", Original(folded, second, 3));
        Assert.Equal("حيَّ", Original(folded, folded.Text.IndexOf("حي", StringComparison.Ordinal), 2));
        Assert.Equal("بالمـــدينة", Original(folded, folded.Text.IndexOf("مدينه", StringComparison.Ordinal), 5));
        Assert.Equal("٧٨٪", Original(folded, folded.Text.IndexOf("78%", StringComparison.Ordinal), 3));
    }

    [Fact]
    public void TermSpansFindTheFoldedWordsInTheOriginal()
    {
        string[] Found(string search) => SearchQueries.TermSpans(Written, search).Select(s => Written.Substring(s.Start, s.Length)).ToArray();
        Assert.Equal(["الشّيخ", "وبالشيخ"], Found("الشيخ"));
        Assert.Equal(["مدرسةٍ"], Found("مدرسه"));
        Assert.Equal(["الإرهابيين"], Found("الارهابيين"));
        Assert.Equal(["٧٨"], Found("78"));
    }

    [Theory]
    [InlineData("الإرهابيين")]
    [InlineData("الارهابيين")]
    [InlineData("الإِرْهَابِيِّين")]
    [InlineData("والإرهابيين")]
    [InlineData("\"الشيخ سعيد\"")]
    [InlineData("\"بالشَّيخ سَعيد\"")]
    [InlineData("ارهاب*")]
    [InlineData("إرهابيين")]
    [InlineData("شيخ")]
    [InlineData("مدرسه")]
    [InlineData("المدينة")]
    [InlineData("78")]
    public async Task EverySpellingFindsTheSentenceAndItsHighlightsLandOnTheOriginal(string search)
    {
        await using var db = await SeededAsync();
        var filter = DashboardFilter.None with { Text = search };
        Assert.Equal(new[] { 1 }, await db.NewestFirstIdsAsync(filter, default));
        var snippet = (await db.FirstMatchesAsync(filter, [1], default))[1];
        Assert.Equal(Written, snippet.Text);

        var sentence = await db.Sentences.SingleAsync(s => s.ArticleId == 1 && s.Index == 1);
        var hit = Assert.Single(await db.HighlightSentencesAsync(search, [sentence.Id], default));
        var marked = hit.Marks.Select(m => Written.Substring(m.Start, m.Length)).ToList();
        Assert.NotEmpty(marked);
        // Each mark is whole words of the original: it starts and ends at a word's edge.
        Assert.All(hit.Marks, m =>
        {
            Assert.True(m.Start == 0 || !char.IsLetter(Written[m.Start - 1]), $"'{Written.Substring(m.Start, m.Length)}' starts inside a word");
            Assert.True(m.Start + m.Length == Written.Length || !ArabicNormalization.IsWordPart(Written[m.Start + m.Length]) || Written[m.Start + m.Length] == ' ',
                $"'{Written.Substring(m.Start, m.Length)}' ends inside a word");
        });
    }

    [Fact]
    public async Task EnglishIsIndexedAsItIsAndAnArabicWordDoesNotFindIt()
    {
        await using var db = await SeededAsync();
        var english = await db.Sentences.SingleAsync(s => s.ArticleId == 2 && s.Index == 1);
        Assert.Null(english.SearchText);
        Assert.Equal(new[] { 2 }, await db.NewestFirstIdsAsync(DashboardFilter.None with { Text = "Sukkari" }, default));
        Assert.Empty(await db.NewestFirstIdsAsync(DashboardFilter.None with { Text = "السكري" }, default));
    }

    static string Original(FoldedText folded, int start, int length)
    {
        var (s, l) = folded.ToOriginal(start, length);
        return folded.Original.Substring(s, l);
    }

    async Task<DashboardDb> SeededAsync()
    {
        var db = await DataServiceExtensions.CreateFactory(folder.File("arabic.db")).CreateDbContextAsync();
        await SchemaInitializer.InitializeAsync(db);
        var outlet = new Outlet { Slug = "sana", Name = "SANA" };
        Sentence Of(int index, string text) => new() { Index = index, Text = text, SearchText = SearchFolding.IndexTextOf(text) };
        db.Articles.Add(new Article
        {
            Outlet = outlet, Headline = "حلب", Body = Written, SourceFile = "1.txt", ContentHash = "1", Language = "ar",
            Published = new DateOnly(2016, 11, 1), Sentences = [Of(0, "عنوان"), Of(1, Written)],
        });
        db.Articles.Add(new Article
        {
            Outlet = outlet, Headline = "Aleppo", Body = "b", SourceFile = "2.txt", ContentHash = "2", Language = "en",
            Published = new DateOnly(2016, 11, 2), Sentences = [Of(0, "Report"), Of(1, "Government forces took Sukkari.")],
        });
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync(SentenceSearchIndex.IndexNewSentencesSql.Replace("$first", "{0}"), 0);
        await ContentVersion.BumpAsync(db, default);
        db.ChangeTracker.Clear();
        return db;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
