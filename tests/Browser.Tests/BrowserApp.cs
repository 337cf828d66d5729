using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Browser.Tests;

/// <summary>
/// The app a browser test drives: on SQLite, or, when ALEPPO_BROWSER_PROVIDER is <c>postgres</c> (./test.sh's second
/// pass of this suite), on a new database of the PostgreSQL test server (<see cref="PostgresTestServer"/>), dropped
/// with the app. The same tests then check the same pages on both providers.
/// </summary>
public sealed class BrowserApp : DashboardAppFactory
{
    public const string ProviderVariable = "ALEPPO_BROWSER_PROVIDER";

    readonly PostgresTestDatabase? database;

    public BrowserApp(string? articleFolder = null) : this(articleFolder, NewDatabaseIfPostgres())
    {
    }

    BrowserApp(string? articleFolder, PostgresTestDatabase? database) : base(articleFolder, database?.ConnectionString) => this.database = database;

    public static bool OnPostgres => string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    static PostgresTestDatabase? NewDatabaseIfPostgres() =>
        OnPostgres ? PostgresTestServer.CreateDatabaseAsync().GetAwaiter().GetResult() : null;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) database?.Dispose();
    }
}
