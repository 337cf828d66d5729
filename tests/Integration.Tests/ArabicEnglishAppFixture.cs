using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// The real app on Kestrel over tests/Fixtures/arabic-mixed: two Arabic articles (SANA, Enab Baladi) and two English
/// ones (AFP, Reuters), written for the tests, loaded by the real ingest with the manifest's language column. Shared by
/// the tests of a class (the browser tests use it too); they only read.
/// </summary>
public sealed class ArabicEnglishAppFixture : IDisposable
{
    public static string ArticleFolder => Path.Combine(RepoPaths.Tests, "Fixtures", "arabic-mixed");

    public DashboardAppFactory App { get; } = new(ArticleFolder);
    public HttpClient Client { get; }

    public ArabicEnglishAppFixture() => Client = App.CreateRealClient();

    public void Dispose()
    {
        Client.Dispose();
        App.Dispose();
    }
}
