using AleppoDashboard.Data.Filtering;

namespace AleppoDashboard.Data.Tests;

public class SearchQueryTests
{
    [Theory]
    [InlineData("Sukkari", "\"Sukkari\"")]
    [InlineData("military source", "\"military\" AND \"source\"")]
    [InlineData("\"military source\"", "\"military source\"")]
    [InlineData("liberat*", "\"liberat\"*")]
    [InlineData("rebels OR terrorists", "(\"rebels\" OR \"terrorists\")")]
    [InlineData("'; DROP TABLE articles; --", "\"DROP\" AND \"TABLE\" AND \"articles\"")]
    [InlineData("Sha'ar", "\"Sha ar\"")]
    public void TranslatesReaderTextIntoSafeFts5(string text, string expected)
    {
        var query = SearchQuery.Parse(text);
        Assert.Null(query.Error);
        Assert.Equal(expected, query.Match);
    }

    [Theory]
    [InlineData("\"open")]
    [InlineData("*** ---")]
    public void ExplainsWhatItCannotSearch(string text)
    {
        var query = SearchQuery.Parse(text);
        Assert.Null(query.Match);
        Assert.NotNull(query.Error);
    }
}
