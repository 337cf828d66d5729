namespace AleppoDashboard.Browser.Tests;

/// <summary>Finds a Chromium for Playwright: $CHROMIUM_PATH, then Debian's /usr/bin/chromium.</summary>
public static class ChromiumPath
{
    public static string Find()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
        return candidates.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
            ?? throw new InvalidOperationException(
                "No Chromium found for the browser tests. Install Debian's package (sudo apt-get install chromium) " +
                "or set CHROMIUM_PATH to a Chromium executable. ./test.sh installs it when run as root.");
    }
}
