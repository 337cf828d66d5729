using AleppoDashboard.Data.Filtering;
using Microsoft.Extensions.Primitives;

namespace AleppoDashboard.Data.Tests;

public class FilterParserTests
{
    static FilterParseResult Parse(params (string Key, string Value)[] pairs) =>
        FilterParser.Parse(pairs.GroupBy(p => p.Key).Select(g => new KeyValuePair<string, StringValues>(g.Key, g.Select(p => p.Value).ToArray())));

    [Fact]
    public void EmptyQueryIsTheEmptyFilter()
    {
        var result = Parse();
        Assert.True(result.IsValid);
        Assert.True(result.Filter.IsEmpty);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData(" 1 ", true)]
    public void ReadsTheOriginsSwitchAsPartOfTheFilterButNotOfWhatItSelects(string value, bool origins)
    {
        var result = Parse(("origins", value));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(origins, result.Filter.CountOrigins);
        Assert.Equal(origins ? "?origins=1" : "", result.Filter.ToQueryString());
        Assert.True(result.Filter.IsEmpty);
        Assert.NotEqual(origins, result.Filter.CacheKey == DashboardFilter.None.CacheKey);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("2")]
    [InlineData("true")]
    public void AnOriginsValueOtherThanOneOrZeroIsRejectedWithOneLine(string value)
    {
        var result = Parse(("origins", value));
        Assert.False(result.IsValid);
        Assert.Equal([$"'origins' must be 1 (count each wire copy once) or 0 (count every copy); got '{value}'."], result.Errors);
    }

    [Fact]
    public void ReadsLanguagesAndRejectsWhatIsNotALanguageCode()
    {
        var result = Parse(("lang", "ar"), ("lang", "EN"), ("lang", "ar"));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(["ar", "en"], result.Filter.Languages);
        Assert.Equal("?lang=ar&lang=en", result.Filter.ToQueryString());
        Assert.False(result.Filter.IsEmpty);

        var bad = Parse(("lang", "arabic"));
        Assert.False(bad.IsValid);
        Assert.Equal([$"'lang' must be one of the language codes {Accepted}; got 'arabic'."], bad.Errors);
    }

    const string Accepted = "ar, de, el, en, es, fa, fr, he, it, ja, ko, nl, pt, ru, tr, zh";

    [Theory]
    [InlineData("xx")]
    [InlineData("XX")]
    [InlineData("eng")]
    [InlineData("en-GB")]
    public void AnUnknownLanguageCodeIsRejectedWithOneLineListingTheAcceptedCodes(string value)
    {
        // As an unknown outlet is (FilterValidator), instead of an empty view that reads as "no articles".
        var result = Parse(("lang", "ar"), ("lang", value));
        Assert.False(result.IsValid);
        Assert.Equal([$"'lang' must be one of the language codes {Accepted}; got '{value.ToLowerInvariant()}'."], result.Errors);
        Assert.Equal(["ar"], result.Filter.Languages);
    }

    [Fact]
    public void EveryAcceptedLanguageCodeIsReadBack()
    {
        foreach (var code in FilterParser.LanguageCodes)
        {
            var result = Parse(("lang", code.ToUpperInvariant()));
            Assert.True(result.IsValid, string.Join("; ", result.Errors));
            Assert.Equal([code], result.Filter.Languages);
        }
    }

    [Fact]
    public void ReadsEveryParameter()
    {
        var result = Parse(("from", "2016-12-01"), ("to", "2016-12-31"), ("outlet", "tasnim-news-agency"), ("outlet", "afp"), ("place", "sukkari"), ("q", "military source"));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(new DateOnly(2016, 12, 1), result.Filter.From);
        Assert.Equal(new DateOnly(2016, 12, 31), result.Filter.To);
        Assert.Equal(["tasnim-news-agency", "afp"], result.Filter.Outlets);
        Assert.Equal(["sukkari"], result.Filter.Places);
        Assert.Equal("military source", result.Filter.Text);
    }

    [Theory]
    [InlineData("from", "2016-13-45")]
    [InlineData("to", "yesterday")]
    [InlineData("outlet", "<script>")]
    [InlineData("place", "Sukkari District!")]
    [InlineData("q", "\"unclosed phrase")]
    [InlineData("q", "!!! ???")]
    public void RejectsBadValuesWithAMessageNamingTheParameter(string key, string value)
    {
        var result = Parse((key, value));
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains(key == "q" ? "search" : key, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void RejectsFromAfterTo() =>
        Assert.False(Parse(("from", "2016-12-31"), ("to", "2016-12-01")).IsValid);

    [Fact]
    public void RejectsTwoDifferentValuesForASingleParameter() =>
        Assert.False(Parse(("from", "2016-12-01"), ("from", "2016-11-01")).IsValid);

    [Fact]
    public void RejectsOverlongSearchText() =>
        Assert.False(Parse(("q", new string('a', FilterParser.MaxTextLength + 1))).IsValid);

    [Fact]
    public void QueryStringRoundTrips()
    {
        var filter = Parse(("from", "2016-12-01"), ("outlet", "afp"), ("q", "a & b")).Filter;
        Assert.Equal("?from=2016-12-01&outlet=afp&q=a%20%26%20b", filter.ToQueryString());
    }
}
