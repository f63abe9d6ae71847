using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TrendAccount.Sdk;

/// <summary>
/// Times key-stretching runs for <see cref="PaddingCalibration"/>. Only ratios of two readings' differences are used,
/// so the unit is whatever the clock counts. Implementations are thread-safe and allocate nothing.
/// </summary>
internal abstract class WorkClock
{
    /// <summary>
    /// Gets the clock the SDK uses: the calling thread's CPU time where it is one cheap call (Linux:
    /// <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanoseconds, unaffected by the thread being descheduled), otherwise
    /// <see cref="Stopwatch"/> (wall time, which a descheduled thread inflates; the calibration's bounded steps absorb it).
    /// </summary>
    internal static WorkClock Default { get; } = (WorkClock?)ThreadCpuClock.TryCreate() ?? new StopwatchClock();

    /// <summary>Gets a value indicating whether this clock counts the calling thread's CPU time (for tests and logs).</summary>
    internal abstract bool IsThreadCpuTime { get; }

    /// <summary>Reads the clock on the calling thread.</summary>
    /// <returns>A reading; only the difference of two readings on the same thread means anything.</returns>
    internal abstract long GetTimestamp();

    private sealed class StopwatchClock : WorkClock
    {
        internal override bool IsThreadCpuTime => false;

        internal override long GetTimestamp() => Stopwatch.GetTimestamp();
    }

    private sealed class ThreadCpuClock : WorkClock
    {
        private const int ClockThreadCpuTimeId = 3;
        private const long NanosecondsPerSecond = 1_000_000_000L;

        internal override bool IsThreadCpuTime => true;

        internal static ThreadCpuClock? TryCreate()
        {
            // The layout below is 64-bit Linux's struct timespec (two 64-bit fields).
            if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
            {
                return null;
            }

            try
            {
                // One reading proves the call works here (glibc and musl both export it from "libc").
                return ClockGetTime(ClockThreadCpuTimeId, out _) == 0 ? new ThreadCpuClock() : null;
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }

        internal override long GetTimestamp()
        {
            // Cannot fail once TryCreate succeeded (the clock id is valid and the pointer is ours); a zero would only
            // make one sample meaningless, which the calibration discards.
            return ClockGetTime(ClockThreadCpuTimeId, out var time) == 0
                ? (time.Seconds * NanosecondsPerSecond) + time.Nanoseconds
                : 0;
        }

        [DllImport("libc", EntryPoint = "clock_gettime", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int ClockGetTime(int clockId, out TimeSpec time);

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }
}
