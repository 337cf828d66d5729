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
