namespace AleppoDashboard.Ingest.Tests.Extraction.Arabic;

/// <summary>Arabic place names: the gazetteer's Arabic names and aliases, normalised, with clitics, and the same ids as English.</summary>
public class ArabicPlaceMatchingTests
{
    [Theory]
    [InlineData("دارت اشتباكات في حي الشيخ سعيد مساء أمس.", "الشيخ سعيد")]
    [InlineData("دارت اشتباكات في شيخ سعيد مساء أمس.", "شيخ سعيد")]
    [InlineData("دارت اشتباكات بالشيخ سعيد مساء أمس.", "الشيخ سعيد")]
    [InlineData("دارت اشتباكات في الشّيخ سَعيد مساء أمس.", "الشّيخ سَعيد")]
    public void SheikhSaeedIsFoundInEverySpelling(string sentence, string matched) =>
        Assert.Equal([("sheikh-saeed", matched)], ArabicText.Places(sentence));

    [Fact]
    public void AConjunctionOrPrepositionOnANameIsLeftOutOfTheSpan()
    {
        Assert.Equal([("sukkari", "السكري"), ("bustan-al-qasr", "بستان القصر")], ArabicText.Places("سقطت قذائف على السكري وبستان القصر."));
        Assert.Equal([("masaken-hanano", "مساكن هنانو")], ArabicText.Places("وصلت التعزيزات بمساكن هنانو صباحا."));
    }

    [Theory]
    [InlineData("وصلت الحافلات والسكري ما زال تحت القصف.")]
    [InlineData("أما الأحياء الأخرى فالسكري ما زال تحت القصف.")]
    [InlineData("اشتد القصف بالسكري منذ الصباح.")]
    [InlineData("توجهت الحافلات للسكري منذ الصباح.")]
    [InlineData("لم يعد حي كالسكري آمنا منذ الصباح.")]
    [InlineData("اشتد القصف بالسُّكَّري منذ الصباح.")]
    public void EachCliticBeforeTheArticleOfANameIsLeftOut(string sentence)
    {
        var (place, matched) = Assert.Single(ArabicText.Places(sentence));
        Assert.Equal("sukkari", place);
        Assert.DoesNotMatch("^[وفبلك]ال", matched);
    }

    [Fact]
    public void LamLamBeforeANameIsTheArticle() =>
        Assert.Equal("sukkari", Assert.Single(ArabicText.Places("توجهت الحافلات للسكري عند الظهر.")).Place);

    [Fact]
    public void AnArabicAndAnEnglishMentionShareThePlaceId()
    {
        var english = TestExtraction.Extractor.Extract(TestExtraction.ArticleFromText("Headline\n\nShelling hit Bustan al-Qasr today.", "Test"));
        Assert.Equal(english.Mentions.Single().PlaceId, Assert.Single(ArabicText.Places("قصف عنيف على بستان القصر اليوم.")).Place);
    }

    [Fact]
    public void ANameThatIsAlsoAnOrdinaryWordNeedsAGenericWordOrAList()
    {
        Assert.Empty(ArabicText.Places("وصف الشاهد المشهد بأنه مروع."));
        Assert.Equal("mashhad", Assert.Single(ArabicText.Places("تقدمت القوات في حي المشهد ليلا.")).Place);
        Assert.Equal(["sukkari", "mashhad"], ArabicText.Places("تقدمت القوات في السكري والمشهد ليلا.").Select(p => p.Place));
    }

    [Fact]
    public void TheMonthTishreenIsNotAPlace() =>
        Assert.Empty(ArabicText.Places("وقعت المعارك في الثلاثين من تشرين الثاني."));

    [Fact]
    public void TheLongestNameWins() =>
        Assert.Equal("ansari-sharqi", Assert.Single(ArabicText.Places("دخلت الوحدات الأنصاري الشرقي فجرا.")).Place);
}
