using System.Diagnostics;

namespace AleppoDashboard.CorpusBenchmark;

/// <summary>The machine the figures were measured on: cores, CPU model, memory, .NET SDK, load at start.</summary>
public static class MachineDescription
{
    public static string Describe()
    {
        var model = Run("lscpu").Split('\n').FirstOrDefault(l => l.StartsWith("Model name:", StringComparison.Ordinal))?["Model name:".Length..].Trim() ?? "?";
        var memKb = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : "0";
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
        return $"nproc {Run("nproc").Trim()}; CPU {model}; memory {long.Parse(memKb) / 1024 / 1024.0:0.0} GiB; " +
               $"dotnet {Run("dotnet", "--version").Trim()} (runtime {Environment.Version}); {Environment.OSVersion}; load average at start {load}";
    }

    static string Run(string file, string args = "")
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }
}
