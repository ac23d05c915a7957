using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Procurement.Rules.Benchmarks.Quick;

/// <summary>
/// The <see cref="Timing"/> harness (warm-up, interleaved rounds, medians) on the calling thread's CPU time instead of
/// the wall clock, where the OS gives it (Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>). On a machine shared by
/// many jobs a wall-clock round also counts the time the thread waited for a core, and with a load average many times
/// the core count that swamps the ratio of two ~10 us checks (wall-clock peer ratios ranged 0.05-1.45 in three runs);
/// CPU time counts only the work, including the gen0 collections a workstation GC runs on the allocating thread.
/// .NET has no per-thread CPU clock of its own (Process.TotalProcessorTime sums every thread), hence the P/Invoke.
/// </summary>
public static class CpuTiming
{
    private const int ClockThreadCpuTimeId = 3;
    private const int QuietMs = 1000;
    private const int MaxWarmupMs = 30_000;

    /// <summary>Whether thread CPU time is available; when not, <see cref="CompareMedians"/> uses the wall clock.</summary>
    public static bool Available { get; } = Probe();

    /// <summary>What the figures measure, for printing.</summary>
    public static string Clock => Available ? "thread CPU time" : "wall clock";

    /// <summary>Median nanoseconds per call of two actions, in alternating rounds, on thread CPU time where available.</summary>
    public static (double A, double B) CompareMedians(Func<object> a, Func<object> b, int warmupMs = 1000, int rounds = 41, double roundMs = 5)
    {
        if (!Available)
        {
            return Timing.CompareMedians(a, b, warmupMs, rounds, roundMs);
        }

        // Warm up until the JIT has been quiet for a while, not for a fixed time: on a loaded machine the background
        // thread that recompiles hot methods at tier 1 gets little CPU, and a fixed wall-clock warm-up measured tier-0
        // code (first comparison about 4x slower than the same comparison run later in the process).
        var warm = Stopwatch.StartNew();
        var lastCount = -1L;
        var lastChange = TimeSpan.Zero;
        while (warm.ElapsedMilliseconds < warmupMs || (warm.Elapsed - lastChange).TotalMilliseconds < QuietMs)
        {
            Run(a, 50);
            Run(b, 50);
            var count = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (count != lastCount)
            {
                lastCount = count;
                lastChange = warm.Elapsed;
            }

            if (warm.ElapsedMilliseconds > MaxWarmupMs)
            {
                break;
            }
        }

        return Timing.Interleaved(a, b, rounds, roundMs, Run);
    }

    /// <summary>Thread CPU nanoseconds per call over <paramref name="calls"/> calls.</summary>
    private static double Run(Func<object> action, int calls)
    {
        var start = Now();
        for (var i = 0; i < calls; i++)
        {
            GC.KeepAlive(action());
        }

        return (Now() - start) / (double)calls;
    }

    private static long Now()
    {
        _ = NativeMethods.clock_gettime(ClockThreadCpuTimeId, out var time);
        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return false;
        }

        try
        {
            return NativeMethods.clock_gettime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "clock_gettime")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int clock_gettime(int clockId, out TimeSpec time);
    }
}
