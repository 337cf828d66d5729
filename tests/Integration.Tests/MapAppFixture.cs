using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// The app on the three map test articles (tests/Fixtures/map-articles), with place mentions set by
/// <see cref="PlaceMentionSeeder"/> so the expected counts do not depend on the fact extractor:
/// Sukkari 2× Tasnim (9 Dec) + 3× AFP (12 Dec); Bustan al-Qasr 1× Tasnim; Salaheddine 1× Middle East Observer (3 Oct),
/// in a sentence that carries script and img markup.
/// </summary>
public sealed class MapAppFixture : IAsyncLifetime
{
    public static string ArticleFolder => Path.Combine(RepoPaths.Tests, "Fixtures", "map-articles");

    public DashboardAppFactory App { get; } = new(ArticleFolder);
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.MentionPlaceNamesAsync();
        Client = App.CreateRealClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
