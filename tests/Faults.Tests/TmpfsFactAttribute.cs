using System.Diagnostics;

namespace AleppoDashboard.Faults.Tests;

/// <summary>
/// A test that needs a small tmpfs of its own: mounting one needs root (CI runs as root). When this process cannot
/// mount (not root, or a container without the capability), the test is skipped with the reason shown in the results.
/// </summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    static readonly Lazy<string?> Unavailable = new(Probe);

    public TmpfsFactAttribute()
    {
        if (Unavailable.Value is { } reason) Skip = reason;
    }

    /// <summary>Mounts and unmounts a tiny tmpfs once; null when that works, else why the test is skipped.</summary>
    static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "Skipped: the full-disk test mounts a tmpfs, which needs Linux.";
        if (Environment.UserName != "root") return "Skipped: the full-disk test mounts a tmpfs, which needs root (CI runs as root); run the tests as root to include it.";
        var folder = Directory.CreateTempSubdirectory("aleppo-tmpfs-probe").FullName;
        try
        {
            if (Tmpfs.Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", folder) is { } error)
            {
                return $"Skipped: cannot mount a tmpfs here ({error}); the full-disk test needs it.";
            }
            Tmpfs.Run("umount", folder);
            return null;
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}

/// <summary>A tmpfs of a given size mounted on a new folder; unmounted on dispose.</summary>
public sealed class Tmpfs : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("aleppo-full-disk").FullName;

    public Tmpfs(string size)
    {
        if (Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", Path) is { } error) throw new InvalidOperationException(error);
    }

    /// <summary>Gives the mounted file system a new size (frees space without touching its files).</summary>
    public void Resize(string size)
    {
        if (Run("mount", "-o", $"remount,size={size}", Path) is { } error) throw new InvalidOperationException(error);
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }

    /// <summary>Runs a system command; null on success, else its error output.</summary>
    internal static string? Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"{file} exited with {process.ExitCode}: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{file}: {e.Message}";
        }
    }
}
