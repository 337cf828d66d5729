using AleppoDashboard.Data.Facts;

namespace AleppoDashboard.Ingest.Tests.Extraction;

/// <summary>
/// Claim patterns of real news English, one test a rule, with sentences written for these tests: word fractions with a
/// multiplier, whose share a figure is, which phrase gives the scope, pointing back, ranges, and the rebels' share
/// converted with the figure as stated kept.
/// </summary>
public class ClaimPatternTests
{
    static List<string> Claims(string body)
    {
        var article = TestExtraction.ArticleFromText("Headline\n\n" + body, "Test outlet");
        return TestExtraction.Extractor.Extract(article).Claims.Select(c => $"{c.ValuePercent:0.##} {c.Kind.ToText()} {c.Scope} {c.Hedge.ToText()}").ToList();
    }

    [Theory]
    [InlineData("Loyalist troops now hold two-thirds of the besieged enclave.", "66.67 fraction east exact")]
    [InlineData("Loyalist troops now hold three-quarters of the besieged enclave.", "75 fraction east exact")]
    public void AWordFractionKeepsItsMultiplier(string sentence, string expected) => Assert.Equal([expected], Claims(sentence));

    [Theory]
    [InlineData("The army and allied fighters are now in control of more than 60 percent of eastern Aleppo.", "60 area east over")]
    [InlineData("The army took another district from rebels on Sunday and now holds around two-thirds of the enclave.", "66.67 fraction east about")]
    public void TheSubjectHoldsTheShareNotAnActorNamedAfterAPreposition(string sentence, string expected) =>
        Assert.Equal([expected], Claims(sentence));

    [Fact]
    public void TheScopeIsTheObjectsEvenWhenTheSentenceNamesTheEastLater() =>
        Assert.Equal(["85 area city over"], Claims("Troops control more than 85% of the total area of the city of Aleppo after taking its eastern parts."));

    [Theory]
    [InlineData("The opposition has lost a third of the area it controlled in Aleppo city.")]
    [InlineData("Rebels in Aleppo city have lost a third of their territory.")]
    public void GroundTheRebelsHeldIsTheEast(string sentence) => Assert.Equal(["33.33 fraction east exact"], Claims(sentence));

    [Fact]
    public void ThisDistrictIsThePlaceNamedBefore() =>
        Assert.Equal(["30 area place:sukkari about"],
            Claims("Heavy fighting was reported in the Sukkari district. Troops now control about 30 percent of this district."));

    [Fact]
    public void TheDistrictNamedLaterInTheSentenceWhenNoneWasNamedBefore() =>
        Assert.Equal(["30 area place:sukkari about"],
            Claims("Troops now control about 30 percent of this district, a commander said, after weeks of fighting for Sukkari."));

    [Theory]
    [InlineData("The army holds between 40 and 50 percent of east Aleppo.")]
    [InlineData("The army holds 40 to 50 percent of east Aleppo.")]
    public void ARangeIsItsMiddleWithTheHedgeBetween(string sentence) => Assert.Equal(["45 area east between"], Claims(sentence));

    [Theory]
    [InlineData("Troops took over 70 percent of the sprawling rebel bastion in the east.", "70 area east over")]
    [InlineData("Troops seized half of the strategic Sukkari district.", "50 fraction place:sukkari exact")]
    [InlineData("Troops control 95 percent of the northern city's formerly rebel-held districts.", "95 area east exact")]
    [InlineData("About 30 percent (15 of 50 square kilometres) of the rebel-held part of the city was retaken.", "30 area east about")]
    public void TheObjectIsReadThroughAdjectivesPossessivesAndAParenthesis(string sentence, string expected) =>
        Assert.Equal([expected], Claims(sentence));

    [Theory]
    [InlineData("The army now controls half the rebel-held districts.", "50 fraction east exact")]
    [InlineData("Rebels have lost half their territory in the city.", "50 fraction east exact")]
    public void HalfTakesItsObjectWithoutOf(string sentence, string expected) => Assert.Equal([expected], Claims(sentence));

    [Fact]
    public void ABareFractionOpensAHeadline()
    {
        var article = TestExtraction.ArticleFromText("Third of rebel-held Aleppo retaken by army\n\nBody text.", "Test outlet");
        var claim = Assert.Single(TestExtraction.Extractor.Extract(article).Claims);
        Assert.Equal((33.33, "east"), (claim.ValuePercent, claim.Scope));
        Assert.Empty(Claims("Troops captured the Christian quarter of the Old City."));
    }

    [Fact]
    public void ARebelShareIsStoredAsTheGovernmentsWithTheFigureAsStated()
    {
        var article = TestExtraction.ArticleFromText("Headline\n\nOnly about 8 percent of east Aleppo remains under rebel control.", "Test outlet");
        var claim = Assert.Single(TestExtraction.Extractor.Extract(article).Claims);
        Assert.Equal((92.0, 8.0, "rebels"), (claim.ValuePercent, claim.StatedPercent!.Value, claim.StatedHolder!));

        var direct = Assert.Single(TestExtraction.Extractor.Extract(TestExtraction.ArticleFromText("Headline\n\nThe army holds 92 percent of east Aleppo.", "T")).Claims);
        Assert.Equal((92.0, (double?)null, (string?)null), (direct.ValuePercent, direct.StatedPercent, direct.StatedHolder));
    }

    [Fact]
    public void AShareToldAsEarlierHistoryIsNotAClaim()
    {
        static List<double> Values(string body)
        {
            var article = TestExtraction.ArticleFromText("Headline\n\n" + body, "Test outlet");
            article.Published = new DateOnly(2016, 12, 1);
            return TestExtraction.Extractor.Extract(article).Claims.Select(c => c.ValuePercent).ToList();
        }
        Assert.Empty(Values("It is their worst defeat since they seized half the city four years ago."));
        Assert.Empty(Values("Rebels took half of Aleppo in 2012."));
        Assert.Equal([50.0], Values("Troops took half of east Aleppo in 2016."));
    }

    [Theory]
    [InlineData("Nearly 80 percent of east Aleppo's residents have fled.")]
    [InlineData("Turnout was about 60 percent in the city.")]
    [InlineData("Strikes destroyed a third of the city's hospitals.")]
    public void PercentagesOfOtherThingsAreNotClaims(string sentence) => Assert.Empty(Claims(sentence));
}
