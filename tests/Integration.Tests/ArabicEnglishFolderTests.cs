using System.Net;
using System.Text.RegularExpressions;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// Arabic beside English in one corpus, over real HTTP: one place id for both languages' mentions, Arabic framing
/// terms in their English groups, the <c>lang</c> filter on pages and exports, and search that finds Arabic whatever
/// its harakat, alef or fused clitics, highlighted on the text as written.
/// </summary>
public partial class ArabicEnglishFolderTests(ArabicEnglishAppFixture fixture) : IClassFixture<ArabicEnglishAppFixture>
{
    async Task<string> Get(string url)
    {
        var response = await fixture.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    async Task<List<Dictionary<string, string>>> Rows(string export) => Csv.Parse(await Get(export)).Rows;

    static string Q(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task AnArabicAndAnEnglishMentionOfAPlaceHaveOneId()
    {
        var mentions = await Rows("/export/mentions.csv?place=sheikh-saeed");
        Assert.Equal(["AFP", "Enab Baladi", "SANA"], mentions.Select(m => m["outlet"]).Distinct().Order());
        Assert.All(mentions, m => Assert.Equal("sheikh-saeed", m["place_id"]));
        Assert.Contains(mentions, m => m["matched_text"] == "الشيخ سعيد");
        Assert.Contains(mentions, m => m["matched_text"] == "Sheikh Saeed");

        // The map joins them: one place, mentioned by outlets of both languages.
        var map = await Rows("/export/map.csv?place=sheikh-saeed");
        var row = Assert.Single(map);
        Assert.Equal("3", row["mentions"]);

        // And so does side by side: the place's row has a sentence in each of the three outlets' cells.
        var compare = CompareCsv.Parse(await Get("/export/compare.csv?place=sheikh-saeed")).Where(r => r["topic"] == "place:sheikh-saeed").ToList();
        Assert.Equal(["AFP", "Enab Baladi", "SANA"], compare.Select(r => r["outlet"]).Distinct().Order());
    }

    [Fact]
    public async Task ArabicFramingTermsCountWithTheirEnglishGroup()
    {
        // إرهابيين (SANA), بالارهابيين written without hamza (Enab Baladi) and terrorists (AFP) are one term.
        var rows = CompareCsv.Parse(await Get("/export/compare.csv?term=terrorists")).Where(r => r["topic"] == "term:terrorists").ToList();
        Assert.Equal(["AFP", "Enab Baladi", "SANA"], rows.Select(r => r["outlet"]).Distinct().Order());
        Assert.Contains(rows, r => r["matched"].Contains("الإرهابيين"));
        Assert.Contains(rows, r => r["matched"].Contains("بالارهابيين") || r["matched"].Contains("الارهابيين"));
        Assert.Contains(rows, r => r["matched"].Contains("terrorists"));
    }

    [Theory]
    [InlineData("?lang=ar", new[] { "Enab Baladi", "SANA" })]
    [InlineData("?lang=en", new[] { "AFP", "Reuters" })]
    [InlineData("?lang=ar&lang=en", new[] { "AFP", "Enab Baladi", "Reuters", "SANA" })]
    public async Task TheLanguageFilterSelectsOnPagesAndExports(string query, string[] outlets)
    {
        Assert.Equal(outlets, (await Rows("/export/articles.csv" + query)).Select(r => r["outlet"]).Order());
        var page = await Get("/articles" + query);
        Assert.Equal(outlets.Length, Regex.Matches(TableBody().Match(page).Value, "<tr>").Count);
        Assert.Equal(outlets.Length == 2 && outlets[0] == "AFP" ? 0 : 2, Regex.Matches(page, "<td dir=\"rtl\" lang=\"ar\"").Count);

        // The facts follow the filter too: Sheikh Saeed's mentions in English only, or in Arabic only.
        var mentions = await Rows("/export/mentions.csv" + query + "&place=sheikh-saeed");
        Assert.All(mentions, m => Assert.Contains(m["outlet"], outlets));
        var compare = await Get("/compare" + query);
        Assert.All(outlets, o => Assert.Contains(WebUtility.HtmlEncode(o), compare));
    }

    [Theory]
    [InlineData("مستشفى")] // no harakat, alef maqsura
    [InlineData("مستشفي")] // yaa for alef maqsura
    [InlineData("المُسْتَشْفَى")] // with harakat, and the article
    [InlineData("المستشفى")]
    [InlineData("مستشف*")] // a prefix
    public async Task SearchFindsAWordWithAndWithoutHarakat(string search)
    {
        var found = await Rows("/export/articles.csv?q=" + Q(search));
        Assert.Equal(["Enab Baladi", "SANA"], found.Select(r => r["outlet"]).Order());

        // The snippet under each headline marks the word as each outlet wrote it.
        var page = await Get("/articles?q=" + Q(search));
        var marks = Regex.Matches(page, "<mark class=\"fact fact-hit\"[^>]*>([^<]*)</mark>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var whole = !search.EndsWith('*'); // a prefix marks what it matched, as in English ("advan" of "advanced")
        Assert.Contains(whole ? "المُسْتَشْفَى" : "المُسْتَشْفَ", marks);
        Assert.Contains(whole ? "المستشفى" : "المستشف", marks);
        Assert.Contains("<bdi class=\"text-ar\" dir=\"rtl\" lang=\"ar\">", page);
    }

    [Theory]
    [InlineData("الإرهابيين")]
    [InlineData("الارهابيين")] // another alef
    [InlineData("ارهابيين")] // without the article
    public async Task SearchFindsAWordWhateverItsAlefAndClitics(string search)
    {
        var found = await Rows("/export/articles.csv?q=" + Q(search));
        Assert.Equal(["Enab Baladi", "SANA"], found.Select(r => r["outlet"]).Order());
    }

    [Fact]
    public async Task APhraseFindsTheNameWrittenWithAPreposition()
    {
        // "الشيخ سعيد" as a phrase: SANA's "حي الشيخ سعيد" and Enab Baladi's "بالشيخ سعيد"; never the English article.
        var found = await Rows("/export/articles.csv?q=" + Q("\"الشيخ سعيد\""));
        Assert.Equal(["Enab Baladi", "SANA"], found.Select(r => r["outlet"]).Order());

        // Side by side's search row highlights the words as written, clitics and all.
        var compare = CompareCsv.Parse(await Get("/export/compare.csv?q=" + Q("\"الشيخ سعيد\"")));
        Assert.Contains(compare, r => r["matched"].Contains("بالشيخ سعيد"));
    }

    [GeneratedRegex("<tbody>.*?</tbody>", RegexOptions.Singleline)]
    private static partial Regex TableBody();
}
