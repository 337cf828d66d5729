using AleppoDashboard.Data;
using CsvHelper;
using AleppoDashboard.TestSupport;
using AleppoDashboard.Web.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// Spreadsheet formula injection: every export escapes a cell that begins with =, +, -, @, tab or CR the way CsvHelper's
/// <c>CsvInjection.Escape</c> does, by putting one apostrophe (<see cref="CsvWriterOptions.InjectionEscape"/>) in front of it,
/// so a spreadsheet shows it as text. Parsed back, the cell is the original text with that one documented prefix.
/// </summary>
public class CsvInjectionTests(HostileAppFixture fixture) : IClassFixture<HostileAppFixture>
{
    static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    const string TabOutlet = "\t=cmd|'/C calc'!A0";
    const string PlusHeadline = "+SUM(1,2) Army advances in east Aleppo";
    const string CrSource = "\r=1+1 source";

    [Fact]
    public void CsvHelperEscapesWithAnApostrophe()
    {
        Assert.Equal(CsvInjection.Escape, CsvResult<string>.Options.Injection);
        Assert.Equal('\'', CsvResult<string>.Options.InjectionEscape);
    }

    [Fact]
    public async Task EveryFormulaStartIsEscapedAndParsesBackWithTheApostrophe()
    {
        string[] cells = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "plain", "a=b", "'quoted", " =space first"];
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        await new CsvResult<string>("t.csv", ["cell"], cells.ToAsyncEnumerable(), c => [c]).ExecuteAsync(context);
        var text = System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        var parsed = Csv.Parse(text).Rows.Select(r => r["cell"]).ToList();
        Assert.Equal(cells.Select(c => FormulaStarts.Contains(c[0]) ? "'" + c : c), parsed);
    }

    public static TheoryData<string> Exports() => [.. DashboardRoutes.Exports];

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task NoExportHasACellASpreadsheetWouldRun(string export)
    {
        await MakeFormulaLookingValuesAsync();
        var (_, rows) = Csv.Parse(await fixture.Client.GetStringAsync(export));
        Assert.NotEmpty(rows);
        var cells = rows.SelectMany(r => r.Values).ToList();
        Assert.DoesNotContain(cells, c => c.Length > 0 && FormulaStarts.Contains(c[0]));
        // Everything that was escaped is formula-looking text with exactly the one apostrophe in front.
        Assert.All(cells.Where(c => c.StartsWith('\'')), c => Assert.Contains(c[1], FormulaStarts));
    }

    [Fact]
    public async Task ExportsParseBackToTheTextApartFromTheApostrophe()
    {
        await MakeFormulaLookingValuesAsync();
        static string Escaped(string s) => "'" + s;

        var articles = Csv.Parse(await fixture.Client.GetStringAsync("/export/articles.csv")).Rows;
        Assert.Contains(articles, r => r["outlet"] == Escaped(TabOutlet) && r["headline"] == Escaped(PlusHeadline));
        Assert.Contains(articles, r => r["outlet"] == HostileArticles.OutletName && r["headline"] == HostileArticles.Headline && r["url"] == HostileArticles.Url);
        Assert.Contains(Csv.Parse(await fixture.Client.GetStringAsync("/export/outlets.csv")).Rows, r => r["outlet"] == Escaped(TabOutlet));

        var sentences = Csv.Parse(await fixture.Client.GetStringAsync("/export/mentions.csv")).Rows.Select(r => r["sentence"]).ToHashSet();
        Assert.Contains(Escaped("=HYPERLINK(\"http://x\",\"click\") was painted on a door in Sukkari."), sentences);
        Assert.Contains(Escaped("+972 was dialled from Salaheddine, a resident said."), sentences);
        Assert.Contains(Escaped("-5 degrees froze Sukkari overnight."), sentences);
        Assert.Contains(Escaped("@rebel_news posted a photo from Bustan al-Qasr."), sentences);
        Assert.Contains(sentences, s => s.Contains(HostileArticles.RtlSentence, StringComparison.Ordinal));

        var claims = Csv.Parse(await fixture.Client.GetStringAsync("/export/control.csv")).Rows;
        Assert.Contains(claims, r => r["attributed_to"] == Escaped(CrSource));
        Assert.Contains(claims, r => r["sentence"].Contains(HostileArticles.ClaimSentence, StringComparison.Ordinal));
    }

    /// <summary>Values that start with a tab, a plus and a CR, which the ingest itself would trim: written straight to the database.</summary>
    async Task MakeFormulaLookingValuesAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDb>();
        await db.Outlets.Where(o => o.Slug == "afp").ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, TabOutlet));
        await db.Articles.Where(a => a.SourceFile == "001_plain.txt").ExecuteUpdateAsync(s => s.SetProperty(a => a.Headline, PlusHeadline));
        await db.ControlClaims.Where(c => c.MatchedText == HostileArticles.ClaimWords).ExecuteUpdateAsync(s => s.SetProperty(c => c.AttributedTo, CrSource));
    }
}
