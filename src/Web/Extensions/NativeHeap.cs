using System.Runtime.InteropServices;

namespace AleppoDashboard.Web.Extensions;

/// <summary>
/// Keeps the native (C) heap of the web process from growing with hours of load, on Linux with glibc. What mallocs here
/// is mostly SQLite (its page caches and sorts, about 12 MB in use) and the runtime itself; glibc gives each thread that
/// allocates its own arena (up to 8 per core), and memory freed in an arena stays resident until malloc_trim. In the
/// soak (PERFORMANCE.md, "Soak memory: the native heap and the GC") that was 113 MB of arenas with ~30 MB in use, and it
/// grew from minute to minute. So: at most <see cref="MaxArenas"/> arenas (the glibc setting MALLOC_ARENA_MAX, made here
/// so that every way of starting the app gets it), and the free pages given back once a minute. Elsewhere (Windows,
/// macOS, musl) this does nothing.
/// </summary>
public sealed class NativeHeap(ILogger<NativeHeap> log) : BackgroundService
{
    public const int MaxArenas = 2;
    public static readonly TimeSpan TrimInterval = TimeSpan.FromMinutes(1);

    const int M_ARENA_MAX = -8; // glibc malloc.h

    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    static extern int MallOpt(int parameter, int value);

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    static extern int MallocTrim(nuint pad);

    /// <summary>Limits glibc's arenas; call first thing at start (arenas made before stay). False where there is no glibc.</summary>
    public static bool LimitArenas() => TryNative(() => MallOpt(M_ARENA_MAX, MaxArenas) == 1);

    /// <summary>Gives the free pages of every arena back to the system.</summary>
    public static bool Trim() => TryNative(() => MallocTrim(0) >= 0);

    static bool TryNative(Func<bool> call)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return call();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (musl): its allocator returns memory by itself
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Trim())
        {
            log.LogDebug("No glibc malloc_trim here; the native heap is left to the system allocator.");
            return;
        }
        using var timer = new PeriodicTimer(TrimInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) Trim();
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
