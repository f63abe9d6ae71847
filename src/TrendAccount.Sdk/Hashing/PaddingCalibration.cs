using System.Security.Cryptography;

namespace TrendAccount.Sdk;

/// <summary>
/// Converts an Identity hash's PBKDF2 run into the bcrypt units (<see cref="HashWork"/>) it cost on this machine, under
/// its current load, so its failure is padded to the dummy's cost in time and not only in units. Learns the cost of a
/// bcrypt unit from the verifications themselves. Thread-safe and lock-free; allocates nothing.
/// </summary>
/// <remarks>
/// <para>
/// Every verification times its bcrypt work with <see cref="Clock"/> (the stored hash's run, the dummy's, and each
/// padding block) and feeds a moving estimate of the ticks one bcrypt unit takes. An Identity verification times its
/// PBKDF2 run too, and that run is charged its measured ticks divided by the estimate: the padding that follows makes
/// up the rest of the dummy's units. The PBKDF2 measurement is of the same call (no lag: SHA-512's cost moves with the
/// other hyperthread's load far more than Blowfish's does), and the bcrypt estimate is fed by every failure, the
/// padding runs of the Identity failures included.
/// </para>
/// <para>
/// The first sample seeds the estimate; each later one moves it by <see cref="SampleWeight"/> of the difference, and a
/// sample is first held within <see cref="MaximumSampleStep"/> times the estimate either way, so one outlier (a wall
/// clock that saw the thread descheduled) moves it by at most 37.5 % up or 9.4 % down. Whatever the timings, a PBKDF2
/// run is charged at a rate within <see cref="ClampFactor"/> times the fixed table rate either way: an attacker who
/// could skew them still cannot make an Identity failure cheaper or dearer than that bound. Until the estimate has a
/// sample, the table rate is used.
/// </para>
/// <para>
/// The ceiling on stored iterations (<see cref="HashingOptions.MaximumStoredWorkFactor"/>) is not learned: it converts
/// at the table rate, so whether a stored hash is run never depends on load.
/// </para>
/// </remarks>
internal sealed class PaddingCalibration
{
    /// <summary>How far one sample moves the estimate: 1/8 of the difference.</summary>
    internal const double SampleWeight = 1.0 / 8;

    /// <summary>A sample counts as at most this many times the estimate, or the estimate divided by it.</summary>
    internal const double MaximumSampleStep = 4;

    /// <summary>The rate a PBKDF2 run is charged at stays within the table rate times or divided by this.</summary>
    internal const double ClampFactor = 4;

    // Ticks per bcrypt unit; 0 until the first sample.
    private double _bcryptTicksPerUnit;

    /// <summary>Initializes a new instance of the <see cref="PaddingCalibration"/> class.</summary>
    /// <param name="clock">The clock that times the runs.</param>
    internal PaddingCalibration(WorkClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Clock = clock;
    }

    /// <summary>Gets the clock that times the runs.</summary>
    internal WorkClock Clock { get; }

    /// <summary>Gets the learned clock ticks per bcrypt unit (0 before the first sample).</summary>
    internal double BcryptTicksPerUnit => Volatile.Read(ref _bcryptTicksPerUnit);

    /// <summary>The bcrypt units a PBKDF2 run is charged at the table rate, rounded up.</summary>
    /// <param name="prf">The PRF.</param>
    /// <param name="iterations">The iteration count.</param>
    /// <returns>Units.</returns>
    internal static long TableUnits(HashAlgorithmName prf, int iterations)
    {
        long perUnit = HashWork.TableIterationsPerUnit(prf);
        return (iterations + perUnit - 1) / perUnit;
    }

    /// <summary>
    /// The bcrypt units one timed PBKDF2 run is charged: its ticks over the learned ticks per unit, held within
    /// <see cref="ClampFactor"/> of the table rate, rounded up; the table rate until a bcrypt run has been timed.
    /// </summary>
    /// <param name="prf">The PRF.</param>
    /// <param name="iterations">The iteration count.</param>
    /// <param name="ticks">The clock ticks the run took.</param>
    /// <returns>Units.</returns>
    internal long Pbkdf2Units(HashAlgorithmName prf, int iterations, long ticks)
    {
        var perUnit = BcryptTicksPerUnit;
        if (perUnit <= 0 || ticks <= 0 || iterations <= 0)
        {
            return TableUnits(prf, iterations);
        }

        double table = HashWork.TableIterationsPerUnit(prf);
        var units = Math.Clamp(ticks / perUnit, iterations / (table * ClampFactor), iterations / (table / ClampFactor));
        return (long)Math.Ceiling(units);
    }

    /// <summary>Learns from timed bcrypt work.</summary>
    /// <param name="units">The units run (2^cost per run).</param>
    /// <param name="ticks">The clock ticks they took.</param>
    internal void ObserveBcrypt(long units, long ticks)
    {
        if (units > 0 && ticks > 0)
        {
            Learn(ref _bcryptTicksPerUnit, (double)ticks / units);
        }
    }

    /// <summary>Moves an estimate toward a sample (seeds it when it has none). Thread-safe.</summary>
    /// <param name="estimate">The estimate (0 when it has none).</param>
    /// <param name="sample">A positive sample.</param>
    internal static void Learn(ref double estimate, double sample)
    {
        // Lock-free: retry until no other thread changed the estimate between the read and the write.
        while (true)
        {
            var current = Volatile.Read(ref estimate);
            var next = current > 0
                ? current + (SampleWeight * (Math.Clamp(sample, current / MaximumSampleStep, current * MaximumSampleStep) - current))
                : sample;
            if (Interlocked.CompareExchange(ref estimate, next, current).Equals(current))
            {
                return;
            }
        }
    }
}
