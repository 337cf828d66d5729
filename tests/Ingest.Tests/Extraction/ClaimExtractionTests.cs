using AleppoDashboard.Data.Facts;

namespace AleppoDashboard.Ingest.Tests.Extraction;

/// <summary>Control claims: the forms of a share, what it is a share of, whose share, and numbers that are not claims.</summary>
public class ClaimExtractionTests
{
    static List<string> Claims(string body)
    {
        var article = TestExtraction.ArticleFromText("Headline\n\n" + body, "Test outlet");
        return TestExtraction.Extractor.Extract(article).Claims
            .Select(c => $"{c.ValuePercent:0.##} {c.Kind.ToText()} {c.Scope} {c.Count}/{c.Of} {c.Hedge.ToText()}").ToList();
    }

    [Theory]
    [InlineData("The army has retaken 85 percent of east Aleppo.", "85 area east / exact")]
    [InlineData("The army has retaken 85% of east Aleppo.", "85 area east / exact")]
    [InlineData("The army has retaken 85 per cent of east Aleppo.", "85 area east / exact")]
    [InlineData("The army has retaken over 85 percent of east Aleppo.", "85 area east / over")]
    [InlineData("The army has retaken about 85 percent of east Aleppo.", "85 area east / about")]
    [InlineData("The army has retaken at least 85 percent of east Aleppo.", "85 area east / at least")]
    [InlineData("The army has retaken nearly 85 percent of east Aleppo.", "85 area east / nearly")]
    [InlineData("Troops hold three quarters of the rebel-held east.", "75 fraction east / exact")]
    [InlineData("Troops hold a third of the eastern districts.", "33.33 fraction east / exact")]
    [InlineData("Government forces had won back half of the Sukkari district.", "50 fraction place:sukkari / exact")]
    [InlineData("The army had recaptured 32 of east Aleppo's 40 neighbourhoods.", "80 neighbourhood_count east 32/40 exact")]
    [InlineData("32 neighborhoods have been liberated out of an original 40.", "80 neighbourhood_count east 32/40 exact")]
    [InlineData("The army now holds around two dozen of east Aleppo's 40 neighbourhoods.", "60 neighbourhood_count east 24/40 about")]
    [InlineData("Government forces are now in control of 99 percent of Aleppo.", "99 area city / exact")]
    [InlineData("Forces loyal to Bashar al-Assad have recaptured three-quarters of the rebel-held eastern half of the city.", "75 fraction east / exact")]
    [InlineData("Government forces advanced on Monday, driving insurgents from more than half of their enclave.", "50 fraction east / over")]
    [InlineData("Rebels have been pushed back into an area less than a quarter of its former size.", "75 fraction east / over")]
    [InlineData("The regime now holds 85pc of the city's east.", "85 area east / exact")]
    public void SharesOfTerritoryAreClaims(string sentence, string expected) =>
        Assert.Equal([expected], Claims(sentence));

    [Fact]
    public void AClaimIsCreditedToItsSpeakerBeforeOrAfterIt()
    {
        string Credit(string body) =>
            Assert.Single(TestExtraction.Extractor.Extract(TestExtraction.ArticleFromText("Headline\n\n" + body, "Test outlet")).Claims).AttributedTo;

        Assert.Equal("Syrian Observatory for Human Rights", Credit("The army holds 90 percent of east Aleppo, the Observatory said."));
        Assert.Equal("Syrian military source", Credit("A military source told Reuters the army had taken 90 percent of east Aleppo."));
        Assert.Equal("Syrian military source", Credit("A military source spoke to AFP. The army holds 90 percent of east Aleppo, he said."));
        Assert.Equal("Syrian military source", Credit("“We have liberated 90 percent of east Aleppo. The rest will follow,” a military source told SANA."));
        Assert.Equal("Test outlet", Credit("The army holds 90 percent of east Aleppo."));
    }

    [Fact]
    public void SeveralClaimsInOneSentenceAreEachFound() =>
        Assert.Equal(["90 area east / nearly", "98 area city / exact"],
            Claims("The army controls nearly 90 percent of eastern Aleppo and 98 percent of the city as a whole."));

    [Fact]
    public void ARebelShareIsTurnedIntoTheGovernmentShare()
    {
        Assert.Equal(["90 area east / exact"], Claims("Rebels still hold 10 percent of east Aleppo."));
        Assert.Equal(["90 area east / exact"], Claims("Only 10 percent of east Aleppo remains under rebel control."));
        Assert.Equal(["98 area city / over"], Claims("The militants are now confined to less than two percent of the city."));
        Assert.Equal(["95 area city / exact"], Claims("The army took Sheikh Saeed on Monday, leaving rebels with just 5 percent of the city."));
        Assert.Equal(["80 area east / exact"], Claims("The opposition-held enclave in east Aleppo has shrunk by 80 percent."));
        Assert.Equal(["66.67 fraction east / over"], Claims("The rebel enclave has shrunk to less than a third of its former size."));
        Assert.Equal(["90 area east / exact"], Claims("Eastern Aleppo, 90 percent of which is now under government control, was quiet."));
    }

    [Theory]
    [InlineData("The war has killed more than 300,000 people and made more than half of Syrians homeless.")]
    [InlineData("Satellite images show 80% of the buildings in east Aleppo destroyed.")]
    [InlineData("Some 40 percent of east Aleppo's residents have fled.")]
    [InlineData("Up to 10,500 Syrian citizens had fled parts of east Aleppo in the last 24 hours.")]
    [InlineData("During a tour of Old Aleppo, which the army took control of this week, reporters counted nine air strikes in about half an hour.")]
    [InlineData("The UN General Assembly voted 122 to 13 to demand an end to the sieges.")]
    [InlineData("The army controls 60 percent of the country's oil fields.")]
    [InlineData("Prices in the enclave have risen by 300 percent.")]
    [InlineData("The White Helmets said 15 of its volunteers had been killed.")]
    public void OtherNumbersAreNotClaims(string sentence) =>
        Assert.Empty(Claims(sentence));
}
