namespace AleppoDashboard.Ingest.Tests.Robustness;

public enum Expected
{
    Loaded,
    LoadedWithWarning,
    Rejected,
}

/// <summary>One file of the hostile corpus: its name, its bytes (written at test time), and what ingest must do with it.</summary>
public sealed record HostileFile(string Name, Expected Outcome, string? MessageContains, Action<string> WriteTo)
{
    public override string ToString() => Name;
}
