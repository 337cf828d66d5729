using AleppoDashboard.Data.Facts;
namespace AleppoDashboard.Ingest.Tests.Extraction.Arabic;

/// <summary>Arabic control claims: each rule with sentences written for the test.</summary>
public class ArabicClaimTests
{
    [Theory]
    [InlineData("أعلن الجيش أنه يسيطر الآن على 64% من الأحياء الشرقية لحلب.", 64)]
    [InlineData("أعلن الجيش أنه يسيطر الآن على %64 من الأحياء الشرقية لحلب.", 64)]
    [InlineData("أعلن الجيش أنه يسيطر الآن على 64 % من الأحياء الشرقية لحلب.", 64)]
    [InlineData("أعلن الجيش أنه يسيطر الآن على ٦٤٪ من الأحياء الشرقية لحلب.", 64)]
    [InlineData("أعلن الجيش أنه يسيطر الآن على 64 في المئة من الأحياء الشرقية لحلب.", 64)]
    [InlineData("أعلن الجيش أنه يسيطر الآن على 64 بالمائة من الأحياء الشرقية لحلب.", 64)]
    [InlineData("أعلن الجيش أنه يسيطر الآن على ستين بالمئة من الأحياء الشرقية لحلب.", 60)]
    [InlineData("أعلن الجيش أنه يسيطر الآن على خمسة وستين بالمئة من الأحياء الشرقية لحلب.", 65)]
    public void EveryWayOfWritingAPercentage(string sentence, double value) =>
        Assert.Equal((value, "area", "east"), ArabicText.Claim(sentence));

    [Theory]
    [InlineData("باتت القوات الحكومية تسيطر على ثلث شرق حلب.", 33.33)]
    [InlineData("باتت القوات الحكومية تسيطر على نصف شرق حلب.", 50)]
    [InlineData("باتت القوات الحكومية تسيطر على ثلثي شرق حلب.", 66.67)]
    [InlineData("باتت القوات الحكومية تسيطر على ربع شرق حلب.", 25)]
    [InlineData("باتت القوات الحكومية تسيطر على ثلاثة أرباع شرق حلب.", 75)]
    [InlineData("باتت ثلثا الأحياء الشرقية لحلب تحت سيطرة القوات الحكومية.", 66.67)]
    public void WordFractions(string sentence, double value) =>
        Assert.Equal((value, "fraction", "east"), ArabicText.Claim(sentence));

    [Fact]
    public void ACountOutOfATotal()
    {
        var claim = Assert.Single(ArabicText.Extract("استعاد الجيش السيطرة على 30 حيا من أصل 40 في شرق المدينة.").Claims);
        Assert.Equal((75.0, "neighbourhood_count", 30, 40), (claim.ValuePercent, claim.Kind.ToText(), claim.Count!.Value, claim.Of!.Value));
    }

    [Theory]
    [InlineData("سيطر الجيش على 35 حيا من أصل 40 في شرق حلب.", 35, 40)]
    [InlineData("سيطر الجيش على ٣٥ حيا من أصل ٤٠ في شرق حلب.", 35, 40)]
    [InlineData("سيطر الجيش على ۳۵ حيا من أصل ۴۰ في شرق حلب.", 35, 40)]
    public void ACountInAnyDigits(string sentence, int count, int of)
    {
        var claim = Assert.Single(ArabicText.Extract(sentence).Claims);
        Assert.Equal((87.5, "neighbourhood_count", count, of, "east"), (claim.ValuePercent, claim.Kind.ToText(), claim.Count!.Value, claim.Of!.Value, claim.Scope));
    }

    [Theory]
    [InlineData("أعلن الجيش أنه يسيطر الآن على ۷۸٪ من الأحياء الشرقية لحلب.", 78)]
    [InlineData("أعلن الجيش أنه يسيطر الآن على ٧٨ بالمئة من الأحياء الشرقية لحلب.", 78)]
    [InlineData("أعلن الجيش أنه يسيطر الآن على ٧٨٫٥٪ من الأحياء الشرقية لحلب.", 78.5)]
    public void ArabicIndicAndPersianDigitsInAShare(string sentence, double value) =>
        Assert.Equal((value, "area", "east"), ArabicText.Claim(sentence));

    [Fact]
    public void TheRebelsShareAsAWordFractionIsConvertedToo()
    {
        var claim = Assert.Single(ArabicText.Extract("لم يبق تحت سيطرة المعارضة سوى ربع الأحياء الشرقية لحلب.").Claims);
        Assert.Equal((75.0, 25.0, "rebels", "east"), (claim.ValuePercent, claim.StatedPercent!.Value, claim.StatedHolder, claim.Scope));
    }

    [Fact]
    public void ABareCountIsNoClaim() =>
        Assert.Empty(ArabicText.Extract("استعاد الجيش السيطرة على 12 حيا خلال أسبوع.").Claims);

    [Theory]
    [InlineData("يسيطر الجيش على أكثر من 70% من شرق حلب.", "over")]
    [InlineData("يسيطر الجيش على نحو 70% من شرق حلب.", "about")]
    [InlineData("يسيطر الجيش على قرابة 70% من شرق حلب.", "about")]
    [InlineData("يسيطر الجيش على حوالي 70% من شرق حلب.", "about")]
    [InlineData("يسيطر الجيش على أقل من 70% من شرق حلب.", "under")]
    public void TheHedgeBeforeTheShareIsKeptAndNotInTheValue(string sentence, string hedge)
    {
        var claim = Assert.Single(ArabicText.Extract(sentence).Claims);
        Assert.Equal((70.0, hedge), (claim.ValuePercent, claim.Hedge.ToText()));
    }

    [Theory]
    [InlineData("تسيطر القوات الحكومية على 55% من مدينة حلب.", "city")]
    [InlineData("تسيطر القوات الحكومية على 55% من المدينة.", "city")]
    [InlineData("تسيطر القوات الحكومية على 55% من حلب الشرقية.", "east")]
    [InlineData("تسيطر القوات الحكومية على 55% من شرق المدينة.", "east")]
    [InlineData("تسيطر القوات الحكومية على 55% من المناطق التي كانت بيد الفصائل.", "east")]
    [InlineData("تسيطر القوات الحكومية على 55% من حي الصاخور.", "place:sakhour")]
    public void TheScopeComesFromTheObject(string sentence, string scope) =>
        Assert.Equal(scope, ArabicText.Claim(sentence).Scope);

    [Fact]
    public void TheNeighbourhoodPointsBackToThePlaceTheReportIsAbout()
    {
        var facts = ArabicText.Extract("اندلعت معارك عنيفة في حي الصاخور. وتحاول القوات التقدم في الصاخور من جهة جبل بدرو. وتسيطر القوات الحكومية على ثلث الحي.");
        Assert.Equal("place:sakhour", Assert.Single(facts.Claims).Scope);
    }

    [Fact]
    public void TheRebelsShareIsTurnedIntoTheGovernmentsAndKeptAsStated()
    {
        var claim = Assert.Single(ArabicText.Extract("لم يبق تحت سيطرة الفصائل سوى 20% من شرق حلب.").Claims);
        Assert.Equal((80.0, 20.0, "rebels"), (claim.ValuePercent, claim.StatedPercent!.Value, claim.StatedHolder));
    }

    [Fact]
    public void TheRebelsLosingAShareIsTheGovernmentsGain()
    {
        var claim = Assert.Single(ArabicText.Extract("خسرت المعارضة ثلث مناطق سيطرتها في حلب الشرقية.").Claims);
        Assert.Equal((33.33, null), (claim.ValuePercent, claim.StatedPercent));
    }

    [Fact]
    public void TheRebelsAsTheObjectOfTheVerbAreNotTheHolder() =>
        Assert.Equal(60.0, ArabicText.Claim("طرد الجيش المسلحين وحرر 60% من شرق حلب.").Value);

    [Theory]
    [InlineData("قتل 40% من سكان الحي في القصف الذي سيطر على المشهد.")]
    [InlineData("تضرر نصف المباني في المناطق التي سيطرت عليها القوات.")]
    [InlineData("ارتفعت الأسعار بنسبة 30% في المدينة.")]
    public void SharesOfPeopleOrBuildingsOrWithoutAControlWordAreNoClaims(string sentence) =>
        Assert.Empty(ArabicText.Extract(sentence).Claims);

    [Fact]
    public void AClaimIsCreditedToTheSourceThatSaysIt()
    {
        var claim = Assert.Single(ArabicText.Extract("وقال المرصد السوري إن قوات النظام تسيطر على 85% من شرق حلب.").Claims);
        Assert.Equal("Syrian Observatory for Human Rights", claim.AttributedTo);
        Assert.Equal("Russian defence ministry",
            Assert.Single(ArabicText.Extract("أعلنت وزارة الدفاع الروسية أن الجيش يسيطر على 85% من شرق حلب.").Claims).AttributedTo);
        Assert.Equal("SANA", Assert.Single(ArabicText.Extract("ذكرت سانا أن الجيش حرر 85 بالمئة من شرق حلب.").Claims).AttributedTo);
        Assert.Equal("Syrian military source", Assert.Single(ArabicText.Extract("قال مصدر عسكري إن الجيش يسيطر على 85% من شرق حلب.").Claims).AttributedTo);
    }

    [Fact]
    public void FramingTermsJoinTheirEnglishGroups()
    {
        var terms = ArabicText.Extract("قال الجيش إن الإرهابيين انسحبوا وإن المسلحين فروا، بينما قالت الفصائل المعارضة إن النظام قصف الأحياء قبل تحرير الحي.").TermHits
            .Select(t => t.TermId).ToList();
        Assert.Equal(["terrorists", "militants", "opposition-fighters", "assad-regime", "liberated"], terms);
    }
}
