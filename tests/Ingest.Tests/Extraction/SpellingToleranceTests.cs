using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Extraction;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Ingest.Tests.Extraction;

/// <summary>
/// Places written in spellings the gazetteer does not list, found by the rules of <see cref="NameSpelling"/> and
/// <see cref="PlaceSpellingMatcher"/>; and the words those rules must not take for places. The gazetteer here has one
/// spelling a place and no aliases, so every other spelling is found by the rules alone; the cue words are the shipped ones.
/// </summary>
public class SpellingToleranceTests
{
    static Place Row(string id, string name) => new() { Id = id, Name = name, Kind = "neighbourhood", Sector = "east", Confidence = "exact" };

    static readonly Lazy<FactExtractor> Extractor = new(() =>
    {
        var reference = new ReferenceFiles(RepoPaths.Reference);
        Place[] places =
        [
            Row("sukkari", "al-Sukkari"), Row("sheikh-maqsoud", "Sheikh Maqsoud"), Row("zebdiyeh", "Zebdiyeh"),
            Row("bustan-al-qasr", "Bustan al-Qasr"), Row("nairab", "Nairab"), Row("khalidiya", "Khalidiya"),
            Row("siryan", "al-Siryan"), Row("sakhour", "Sakhour"), Row("firdous", "Firdous"),
        ];
        return new FactExtractor(places, [], reference.ReadSources(), reference.ReadCues());
    });

    static List<(string Place, string Text)> Mentions(string body)
    {
        var article = TestExtraction.ArticleFromText("Headline\n\n" + body, "Test outlet");
        return Extractor.Value.Extract(article).Mentions.Select(m => (m.PlaceId, m.MatchedText)).ToList();
    }

    [Theory]
    [InlineData("Shells fell on Sikkari overnight.", "sukkari", "Sikkari")] // a vowel changed
    [InlineData("Shells fell on Suqari overnight.", "sukkari", "Suqari")] // q for k, a single consonant
    [InlineData("Shells fell on as-Sukary overnight.", "sukkari", "as-Sukary")] // an assimilated article, y for i
    [InlineData("Shells fell on alSukkari overnight.", "sukkari", "alSukkari")] // the article run into the name
    [InlineData("Troops entered Sheikh Maksud on Friday.", "sheikh-maqsoud", "Sheikh Maksud")] // k for q, u for ou
    [InlineData("Troops entered Shaikh Maqsod on Friday.", "sheikh-maqsoud", "Shaikh Maqsod")] // a title spelling, o for ou
    [InlineData("Clashes went on in Zebdiya.", "zebdiyeh", "Zebdiya")] // -iya for -iyeh
    [InlineData("Clashes went on in Bostan el-Qaser.", "bustan-al-qasr", "Bostan el-Qaser")] // el- and vowels of two words
    [InlineData("Jets struck Ferdoos and Sakhur.", "firdous", "Ferdoos")] // e for i, oo for ou
    [InlineData("Jets struck Ferdoos and Sakhur.", "sakhour", "Sakhur")] // kh kept apart from k: Sakhur is not Sukkari
    public void RomanisedSpellingVariantsAreFound(string sentence, string place, string matched) =>
        Assert.Contains((place, matched), Mentions(sentence));

    [Theory]
    [InlineData("Secure corridors were promised.")] // the consonants of Sukkari, but the vowels of an English word
    [InlineData("Syrian troops advanced.")] // an ordinary word listed as not a place name (not-place-name)
    [InlineData("Syrians fled the city.")] // and its plural
    [InlineData("Nairabi traders arrived.")] // an -i adjective is not the place
    [InlineData("Khalid said the talks had failed.")] // a name without the -iya ending of a place named after it
    [InlineData("The SOHR monitor reported clashes.")] // an acronym is not a name
    [InlineData("troops took sakari by the river.")] // a name must be capitalised to be read by its spelling
    public void OrdinaryWordsAreNotReadAsPlaces(string sentence) =>
        Assert.DoesNotContain(Mentions(sentence), m => m.Place is "sukkari" or "siryan" or "nairab" or "khalidiya" or "sakhour");

    [Theory]
    [InlineData("sukkari", "sekkari", 0.5)]
    [InlineData("firdous", "ferdos", 1.0)]
    [InlineData("sukari", "sekure", 1.5)]
    public void VowelsCostAHalfAndConsonantsOne(string a, string b, double distance) =>
        Assert.Equal(distance, NameSpelling.VowelDistance(NameSpelling.Normalize(a), NameSpelling.Normalize(b)));

    [Theory]
    [InlineData("suqqari", "sukari")]
    [InlineData("khudr", "hudr")]
    [InlineData("zebdiyeh", "zebdie")]
    [InlineData("haydariya", "haidaria")]
    [InlineData("daadaa", "dada")]
    public void NormalSpellingMapsTheLettersRomanisationsDisagreeOn(string folded, string normal) =>
        Assert.Equal(normal, NameSpelling.Normalize(folded));

    [Fact]
    public void TheKeyIsTheConsonantsWithAMarkForAFirstVowel()
    {
        Assert.Equal("skr", NameSpelling.Key(NameSpelling.Normalize("sekkari")));
        Assert.Equal("*nzrt", NameSpelling.Key(NameSpelling.Normalize("inzarat")));
    }

    [Theory]
    [InlineData("hudre", "hodr", true)]
    [InlineData("halid", "halidia", false)]
    [InlineData("nairab", "nairabi", false)]
    public void AnAddedEndingMakesAnotherWord(string a, string b, bool same) =>
        Assert.Equal(same, NameSpelling.SameEnding(a, b));
}
