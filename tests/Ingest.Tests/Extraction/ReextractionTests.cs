using AleppoDashboard.Data;
using AleppoDashboard.Ingest.Cli;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Tests.Extraction;

/// <summary>A user edits the reference files (an alias, a lexicon term) and runs <c>reextract</c>: the stored articles get the new facts.</summary>
public class ReextractionTests
{
    [Fact]
    public async Task AnAliasAndATermAddedToTheReferenceFilesArePickedUpByReextract()
    {
        using var reference = new TempFolder().CopyFrom(RepoPaths.Reference);
        using var data = new TempFolder();
        var db = data.File("corpus.db");
        var output = new StringWriter();
        var errors = new StringWriter();

        Assert.Equal(IngestProgram.Ok, await IngestProgram.RunAsync(["ingest", RepoPaths.Seeds, "--db", db, "--reference", reference.Path], output, errors, default));
        var (cemeteryBefore, squeezedBefore, claimsBefore) = await CountsAsync(db);
        Assert.Equal(0, cemeteryBefore);
        Assert.Equal(0, squeezedBefore);
        Assert.Equal(7, claimsBefore); // the seed gold's claims

        var gazetteer = reference.File("aleppo-neighbourhoods.csv");
        var rows = File.ReadAllText(gazetteer);
        Assert.Contains("hamdaniya,Hamdaniya,al-Hamdaniya|", rows);
        File.WriteAllText(gazetteer, rows.Replace("hamdaniya,Hamdaniya,al-Hamdaniya|", "hamdaniya,Hamdaniya,Dar al-Islam cemetery|al-Hamdaniya|"));
        File.AppendAllText(reference.File("framing-lexicon.csv"), "squeezed,squeezed,capture,How taking ground is described,squeezed|squeezing\n");

        output.GetStringBuilder().Clear();
        Assert.Equal(IngestProgram.Ok, await IngestProgram.RunAsync(["reextract", "--db", db, "--reference", reference.Path], output, errors, default));
        Assert.Contains("re-extracted 5 articles", output.ToString());

        var (cemeteryAfter, squeezedAfter, claimsAfter) = await CountsAsync(db);
        Assert.Equal(1, cemeteryAfter);
        Assert.Equal(2, squeezedAfter); // "is squeezed into an ever-decreasing area", "are now squeezed into an “ever shrinking” ... pocket"
        Assert.Equal(claimsBefore, claimsAfter);
    }

    static async Task<(int Cemetery, int Squeezed, int Claims)> CountsAsync(string path)
    {
        await using var db = await DataServiceExtensions.CreateFactory(path).CreateDbContextAsync();
        var cemetery = await db.PlaceMentions.CountAsync(m => m.PlaceId == "hamdaniya" && m.MatchedText == "Dar al-Islam cemetery");
        var squeezed = await db.FramingTermHits.CountAsync(h => h.TermId == "squeezed");
        var claims = await db.ControlClaims.CountAsync();
        return (cemetery, squeezed, claims);
    }
}
