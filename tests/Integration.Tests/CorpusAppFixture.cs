using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// The real app on Kestrel over the seeds plus one article whose headline has quotes, commas and a
/// spreadsheet formula, to prove CSV escaping. Shared by the tests of a class; they only read.
/// </summary>
public sealed class CorpusAppFixture : IDisposable
{
    public const string TrickyHeadline = "=HYPERLINK(\"http://x\") \"Liberated\", they said, in Aleppo";

    readonly TempFolder articles = new TempFolder().CopyFrom(RepoPaths.Seeds);

    public DashboardAppFactory App { get; }
    public HttpClient Client { get; }

    public CorpusAppFixture()
    {
        File.WriteAllText(articles.File("900_tricky.txt"), TrickyHeadline + "\n\nSANA said the army entered the Sukkari district.");
        File.AppendAllText(articles.File("manifest.csv"), "900_tricky.txt,SANA,,2016-12-12,\"a note, with a comma\"\r\n");
        App = new DashboardAppFactory(articles.Path);
        Client = App.CreateRealClient();
    }

    public void Dispose()
    {
        Client.Dispose();
        App.Dispose();
        articles.Dispose();
    }
}
