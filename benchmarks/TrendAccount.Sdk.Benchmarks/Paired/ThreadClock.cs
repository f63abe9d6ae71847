using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TrendAccount.Sdk.Benchmarks.Paired;

/// <summary>Wall time and the calling thread's CPU time (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>).</summary>
internal static partial class ThreadClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Runs <paramref name="action"/> once and returns (thread CPU ms, wall ms).</summary>
    public static (double CpuMs, double WallMs) Measure(Action action)
    {
        var cpu0 = ThreadCpuNanoseconds();
        var wall0 = Stopwatch.GetTimestamp();
        action();
        var wall = Stopwatch.GetElapsedTime(wall0).TotalMilliseconds;
        var cpu = (ThreadCpuNanoseconds() - cpu0) / 1e6;
        return (cpu, wall);
    }

    public static long ThreadCpuNanoseconds()
    {
        if (clock_gettime(ClockThreadCpuTimeId, out var ts) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        }

        return (ts.Seconds * 1_000_000_000L) + ts.Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int clock_gettime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
