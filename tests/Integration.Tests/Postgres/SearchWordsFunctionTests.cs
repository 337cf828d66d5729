using AleppoDashboard.Data;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.TestSupport;
using Npgsql;

namespace AleppoDashboard.Integration.Tests.Postgres;

/// <summary>
/// dashboard_words, which the search column and every query split words with, makes each ASCII punctuation character
/// one space and leaves every other character as dashboard_fold gives it: the same text as the translate() it replaced
/// for speed (the list of the 32 characters), checked on the real server for every ASCII character and mixed text.
/// </summary>
public sealed class SearchWordsFunctionTests : IAsyncLifetime
{
    const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    PostgresTestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresTestServer.CreateDatabaseAsync();
        await using var db = await DataServiceExtensions.CreateFactory(DatabaseTarget.Postgres(database.ConnectionString)).CreateDbContextAsync();
        await PostgresSchema.InitializeAsync(db, CancellationToken.None);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task EveryAsciiCharacterIsSplitAsTranslateSplitIt()
    {
        Assert.Equal(32, Punctuation.Length);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        for (var c = 1; c < 128; c++)
        {
            var text = "Ab" + (char)c + "cD";
            var (words, translated) = await WordsAsync(connection, text);
            Assert.True(words == translated, $"character {c}: dashboard_words gave '{words}', translate '{translated}'");
            Assert.Equal(Punctuation.Contains((char)c) ? "ab cd" : ("Ab" + (char)c + "cD").ToLowerInvariant(), words);
        }
    }

    [Theory]
    [InlineData("<script>alert(1)</script> @DateTime.Now al-Bab's 3.5% «Aleppo» — حلب، الشيخ")]
    [InlineData("Ça côté [x]{y}|z~ \\path\\to `code` ^_^")]
    public async Task MixedTextIsTheSameAsWithTranslate(string text)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var (words, translated) = await WordsAsync(connection, text);
        Assert.Equal(translated, words);
    }

    static async Task<(string Words, string Translated)> WordsAsync(NpgsqlConnection connection, string text)
    {
        await using var command = new NpgsqlCommand("SELECT dashboard_words($1), translate(dashboard_fold($1), $2, $3)", connection);
        command.Parameters.AddWithValue(text);
        command.Parameters.AddWithValue(Punctuation);
        command.Parameters.AddWithValue(new string(' ', Punctuation.Length));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetString(1));
    }
}
