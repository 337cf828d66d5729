using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests;

/// <summary>The real app on the five seed articles, shared by one test class.</summary>
public sealed class SeedsApp : DashboardAppFactory
{
}

/// <summary>
/// The real app on Fixtures/wire-pair: one AFP text under two outlets' names (the second lightly re-edited),
/// each with sentences of its own that are not shared.
/// </summary>
public sealed class WirePairApp() : DashboardAppFactory(Path.Combine(RepoPaths.Tests, "Integration.Tests", "Fixtures", "wire-pair"))
{
}

/// <summary>
/// The real app on the seeds plus 2 × <see cref="Added"/> sentences of shared wire copy in two outlets' articles:
/// more shared sentences than SQLite accepts variables in one statement (32,766).
/// </summary>
public sealed class ManyWireCopiesApp : IAsyncLifetime
{
    public const int Added = 17_000;

    public DashboardAppFactory App { get; } = new();

    public async Task InitializeAsync() => await App.AddSharedSentencesAsync(Added);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
