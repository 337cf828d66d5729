namespace AleppoDashboard.Ingest.Tests.Extraction;

/// <summary>The five seed articles, annotated by hand in Gold/seeds.gold.json, must be extracted exactly.</summary>
public class SeedGoldTests
{
    static readonly GoldFile Gold = GoldFile.Load("seeds.gold.json");

    public static TheoryData<string> Seeds() => new(Gold.Articles.Select(a => a.File));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SeedMentionsMatchTheGoldExactly(string file)
    {
        var gold = Gold.Articles.Single(a => a.File == file);
        var facts = TestExtraction.Extractor.Extract(TestExtraction.SeedArticle(file, gold.Outlet));
        var extracted = facts.Mentions.OrderBy(m => m.Sentence.Index).ThenBy(m => m.Start).Select(m => $"{m.PlaceId}: {m.MatchedText}");
        Assert.Equal(gold.Mentions.Select(m => $"{m[0]}: {m[1]}"), extracted);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SeedClaimsMatchTheGoldExactly(string file)
    {
        var gold = Gold.Articles.Single(a => a.File == file);
        var facts = TestExtraction.Extractor.Extract(TestExtraction.SeedArticle(file, gold.Outlet));
        var extracted = facts.Claims.OrderBy(c => c.Sentence.Index).ThenBy(c => c.Start).Select(ClaimText.ToGold);
        Assert.Equal(gold.Claims.Select(c => c.ToString()), extracted.Select(c => c.ToString()));
    }

    [Fact]
    public void TheSeedGoldCoversEverySeedFile()
    {
        var files = Directory.EnumerateFiles(TestSupport.RepoPaths.Seeds, "*.txt").Select(Path.GetFileName).Order();
        Assert.Equal(files, Gold.Articles.Select(a => a.File).Order());
    }
}
