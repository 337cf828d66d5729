using System.Globalization;

/// <summary>CPU seconds (user + system) from /proc: one process, or every Chromium process on the machine.</summary>
static class ProcessCpu
{
    static readonly double TicksPerSecond = 100; // USER_HZ, 100 on Linux x86-64 and arm64

    public static double Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0; // the process ended between the listing and the read
        }
    }

    public static double BrowserSeconds() => Directory.EnumerateDirectories("/proc")
        .Select(Path.GetFileName)
        .Where(name => int.TryParse(name, out _))
        .Where(name => ReadName(name!).Contains("chrom", StringComparison.OrdinalIgnoreCase))
        .Sum(name => Seconds(int.Parse(name!, CultureInfo.InvariantCulture)));

    static string ReadName(string pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm");
        }
        catch (IOException)
        {
            return "";
        }
    }
}
