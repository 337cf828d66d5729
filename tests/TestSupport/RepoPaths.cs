namespace AleppoDashboard.TestSupport;

/// <summary>Folders of the repository, found by walking up from the test binaries to AleppoDashboard.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Reference => Path.Combine(Root, "src", "Data", "Reference");

    public static string Tests => Path.Combine(Root, "tests");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AleppoDashboard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("AleppoDashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
