namespace AleppoDashboard.Ingest.Tests.Extraction;

/// <summary>Name matching: spelling variants, articles, possessives, longest match, whole words, and the offsets of what it finds.</summary>
public class PlaceMatchingTests
{
    static List<(string Place, string Text)> Mentions(string body)
    {
        var article = TestExtraction.ArticleFromText("Headline\n\n" + body, "Test outlet");
        return TestExtraction.Extractor.Extract(article).Mentions.Select(m => (m.PlaceId, m.MatchedText)).ToList();
    }

    [Theory]
    [InlineData("Fighting raged in Sha'ar on Monday.", "Sha'ar")]
    [InlineData("Fighting raged in Shaar on Monday.", "Shaar")]
    [InlineData("Fighting raged in al-Sha’ar on Monday.", "al-Sha’ar")]
    [InlineData("Fighting raged in ash-Sha'ar on Monday.", "ash-Sha'ar")]
    [InlineData("Fighting raged in AL-SHAAR on Monday.", "AL-SHAAR")]
    [InlineData("Fighting raged in al Shaar on Monday.", "al Shaar")]
    [InlineData("Fighting raged in El-Shaar on Monday.", "El-Shaar")]
    public void ShaarIsFoundInEverySpelling(string sentence, string matched) =>
        Assert.Equal([("shaar", matched)], Mentions(sentence));

    [Theory]
    [InlineData("Clashes in Sheikh Sa'eed continued.", "Sheikh Sa'eed")]
    [InlineData("Clashes in Sheikh Saʿīd continued.", "Sheikh Saʿīd")]
    [InlineData("Clashes in Sheikh-Saeed continued.", "Sheikh-Saeed")]
    [InlineData("Clashes in Sheikh  Saeed continued.", "Sheikh  Saeed")]
    public void DiacriticsApostrophesHyphensAndSpacesAreFolded(string sentence, string matched) =>
        Assert.Equal([("sheikh-saeed", matched)], Mentions(sentence));

    [Fact]
    public void APossessiveOwnerIsNotPartOfTheNameAndAPossessiveSuffixIsLeftOut()
    {
        Assert.Equal([("sukkari", "Sukkari")], Mentions("Troops entered Aleppo's Sukkari district."));
        Assert.Equal([("sukkari", "Sukkari")], Mentions("Sukkari's residents fled overnight."));
    }

    [Fact]
    public void APlaceAfterAPrepositionMayBeFollowedBySaid() =>
        Assert.Equal([("sukkari", "Sukkari")], Mentions("Residents of Sukkari said the shelling had stopped."));

    [Fact]
    public void APluralEndingBelongsToTheName() =>
        Assert.Equal([("souq-al-madina", "Madina souks")], Mentions("The Madina souks were burned in 2012."));

    [Fact]
    public void TheLongestNameWins()
    {
        Assert.Equal([("bustan-al-qasr", "Bustan al-Qasr")], Mentions("Shelling hit Bustan al-Qasr."));
        Assert.Equal([("hanano-barracks", "Hanano Barracks")], Mentions("Troops left the Hanano Barracks."));
        Assert.Equal([("bab-al-nairab", "Bab al-Nairab")], Mentions("Troops reached Bab al-Nairab."));
    }

    [Theory]
    [InlineData("Old habits die hard, the Sheikh said.")]
    [InlineData("The sheikh of the mosque said the old man had died.")]
    [InlineData("Qasr al-Hosn is in Homs.")]
    [InlineData("The Sukkarism of the speech was noted.")]
    [InlineData("Nairabi traders arrived.")]
    public void OrdinaryWordsAndPartsOfWordsAreNotPlaces(string sentence) =>
        Assert.Empty(Mentions(sentence));

    [Theory]
    [InlineData("Iranian Deputy Foreign Minister Hossein Jaberi Ansari met the envoy.")]
    [InlineData("Iraq's Salah al-Din province was calm.")]
    [InlineData("Troops fought in Salah al-Din province.")]
    [InlineData("He met Sheikh Saeed bin Zayed in Abu Dhabi.")]
    [InlineData("She prayed at the Fatima al-Zahraa mosque.")]
    [InlineData("In Mosul, Iraqi forces fought for the Old City.")]
    [InlineData("Pilgrims visited Mashhad in Iran.")]
    [InlineData("Ansari said the talks in Moscow had been useful.")]
    [InlineData("Iraqi forces retook Hamdaniya on Monday.")]
    [InlineData("Pro-government fighters broke the siege of Nubl and Zahraa in February.")]
    [InlineData("Pilgrims visited the Imam Reza shrine in Mashhad.")]
    public void NamesThatLookLikePlacesButAreNotAreSkipped(string sentence) =>
        Assert.Empty(Mentions(sentence));

    [Fact]
    public void EveryFactSpanIsTheExactSubstringOfItsSentence()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(GoldFile.Folder, "articles")).Concat(Directory.EnumerateFiles(TestSupport.RepoPaths.Seeds, "*.txt")))
        {
            var article = TestExtraction.ArticleFromText(File.ReadAllText(file), "Test outlet");
            var facts = TestExtraction.Extractor.Extract(article);
            var spans = facts.Mentions.Cast<Data.Facts.SentenceSpan>().Concat(facts.Claims).Concat(facts.Attributions).Concat(facts.TermHits).ToList();
            Assert.NotEmpty(spans);
            Assert.All(spans, f =>
            {
                Assert.Same(article, f.Article);
                Assert.Contains(f.Sentence, article.Sentences);
                Assert.Equal(f.Sentence.Text.Substring(f.Start, f.Length), f.MatchedText);
            });
        }
    }
}
