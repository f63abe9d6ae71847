using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TrendAccount.Sdk.Tests.Hashing;

/// <summary>
/// Issue #11, item 6, Identity V3: a PBKDF2 run is charged the bcrypt units its measured time is worth, at a cost per
/// unit learned from the verifications' own bcrypt runs, held within a factor of the table rate; the padding makes up
/// the rest. Time here is simulated: a clock that advances
/// by a planted cost per bcrypt unit and per PBKDF2 iteration whenever the hasher starts a run, so "costs the same"
/// is asserted in simulated ticks, never measured.
/// </summary>
public sealed class PaddingCalibrationTests
{
    private const int WorkFactor = 6;
    private const long Budget = 1L << WorkFactor;
    private const string Password = "correct horse battery staple";
    private const string Wrong = "correct horse battery stapler";
    private const long TicksPerUnit = 1000;

    [Theory]
    [InlineData(0L)]
    [InlineData(2_500_000L)]
    public void Pbkdf2Units_NoBcryptTimedYet_ChargesTheTableRate(long ticks)
    {
        var calibration = new PaddingCalibration(new SimulatedClock());

        Assert.Equal(1177, calibration.Pbkdf2Units(HashAlgorithmName.SHA512, 100_000, ticks));
        Assert.Equal(400, calibration.Pbkdf2Units(HashAlgorithmName.SHA256, 100_000, ticks));
        Assert.Equal(7, calibration.Pbkdf2Units(HashAlgorithmName.SHA1, 1000, ticks));
    }

    [Fact]
    public void Pbkdf2Units_MeasuredTime_ChargedWhatItIsWorthInLearnedUnits()
    {
        // A bcrypt unit takes 1,000 ticks here; 100,000 SHA-512 iterations took 2,500,000 ticks: 40 iterations per
        // unit (the table says 85), so 2,500 units, not the table's 1,177.
        var calibration = new PaddingCalibration(new SimulatedClock());
        calibration.ObserveBcrypt(1024, 1024 * TicksPerUnit);

        Assert.Equal(2500, calibration.Pbkdf2Units(HashAlgorithmName.SHA512, 100_000, 2_500_000));
        Assert.Equal(2501, calibration.Pbkdf2Units(HashAlgorithmName.SHA512, 100_000, 2_500_001));
    }

    [Fact]
    public void ObserveBcrypt_PlantedCost_ConvergesToItAndFollowsAChange()
    {
        var calibration = new PaddingCalibration(new SimulatedClock());
        calibration.ObserveBcrypt(2048, 2048 * TicksPerUnit);
        Assert.Equal(TicksPerUnit, calibration.BcryptTicksPerUnit);

        // The machine gets 1.5 times slower at Blowfish (the other hyperthread's load).
        for (var i = 0; i < 80; i++)
        {
            calibration.ObserveBcrypt(2048, 2048 * TicksPerUnit * 3 / 2);
        }

        Assert.InRange(calibration.BcryptTicksPerUnit, 1499.9, 1500);
    }

    [Theory]
    [InlineData(long.MaxValue / 2, 4706)] // 100,000 / (85 / 4), rounded up
    [InlineData(1L, 295)] // 100,000 / (85 * 4), rounded up
    public void Pbkdf2Units_MeasuredTimeBeyondTheBounds_ChargedAtTheBound(long ticks, long expected)
    {
        var calibration = new PaddingCalibration(new SimulatedClock());
        calibration.ObserveBcrypt(1024, 1024 * TicksPerUnit);

        Assert.Equal(expected, calibration.Pbkdf2Units(HashAlgorithmName.SHA512, 100_000, ticks));
    }

    [Fact]
    public void ObserveBcrypt_AdversarialSamples_ChargeNeverLeavesTheBoundsAndOneOutlierMovesTheEstimateLittle()
    {
        var calibration = new PaddingCalibration(new SimulatedClock());
        calibration.ObserveBcrypt(1024, 1024 * TicksPerUnit);

        // One absurd sample (a descheduled thread on a wall clock: bcrypt "took" a million times longer) moves the
        // estimate by at most 37.5 %, and one absurdly short one by at most 9.4 %.
        calibration.ObserveBcrypt(1024, long.MaxValue / 2);
        Assert.Equal(TicksPerUnit * 1.375, calibration.BcryptTicksPerUnit, precision: 9);
        calibration.ObserveBcrypt(1 << 20, 1);
        Assert.Equal(TicksPerUnit * 1.375 * (1 - (0.75 / 8)), calibration.BcryptTicksPerUnit, precision: 9);

        // Alternating extremes, zeros and nonsense: a fixed PBKDF2 run is always charged within the bounds.
        long[] ticks = [1, long.MaxValue, 0, -5, long.MaxValue / 3, 2];
        for (var i = 0; i < 600; i++)
        {
            calibration.ObserveBcrypt(i % 5 == 0 ? 1 : 1 << 20, ticks[i % ticks.Length]);
            Assert.InRange(calibration.Pbkdf2Units(HashAlgorithmName.SHA512, 100_000, 2_500_000), 295, 4706);
            Assert.True(calibration.BcryptTicksPerUnit > 0 && double.IsFinite(calibration.BcryptTicksPerUnit));
        }
    }

    [Fact]
    public void Learn_ConcurrentSamples_NoUpdateIsLost()
    {
        // Every sample is "infinitely" large, so each update multiplies the estimate by exactly 1 + 3/8 whatever the
        // order: after N concurrent updates the estimate must equal N sequential ones, bit for bit. A lost update
        // (a read-modify-write race) leaves it smaller.
        const int threads = 4;
        const int perThread = 1000;
        const double seed = 1e-300;
        var expected = seed;
        for (var i = 0; i < threads * perThread; i++)
        {
            PaddingCalibration.Learn(ref expected, double.PositiveInfinity);
        }

        var estimate = seed;
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perThread; i++)
            {
                PaddingCalibration.Learn(ref estimate, double.PositiveInfinity);
            }
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());

        Assert.True(double.IsFinite(expected) && expected > 1e300 * seed);
        Assert.Equal(expected, estimate);
    }

    [Fact]
    public void VerifyHashedPassword_IdentityV3AtAPlantedRate_FailureCostsTheDummysTime()
    {
        // The finding on main: 100,000 x SHA-512 failed at 1.26x the dummy's CPU because the table's 85 iterations per
        // unit was not this machine's rate. Planted here: 40 iterations cost one unit. 1,280 iterations are then 32
        // units of the 64-unit budget; the table charges them 16 and pads 48, so the failure costs 80 units of time.
        var clock = new SimulatedClock { Sha512TicksPerIteration = TicksPerUnit / 40 };
        var hasher = Hasher(clock);
        var hash = IdentityV3(HashAlgorithmName.SHA512, 1280);

        var untimed = clock.Time(() => hasher.VerifyHashedPassword(hash, Wrong));
        var dummy = clock.Time(() => hasher.VerifyDummyHash(Wrong));
        var timed = clock.Time(() => hasher.VerifyHashedPassword(hash, Wrong));

        Assert.Equal(80 * TicksPerUnit, untimed);
        Assert.Equal(Budget * TicksPerUnit, dummy);
        Assert.Equal(dummy, timed);
        Assert.Equal([16L, 32L], clock.Charged);
        Assert.Equal([5, 4, 6, 5], clock.BcryptCosts);
    }

    [Fact]
    public void VerifyHashedPassword_Pbkdf2CostChangesBetweenCalls_NextFailureStillCostsTheDummysTime()
    {
        // The machine measured on main: 100,000 x SHA-512 went from 77 to 137 ms between runs while bcrypt stayed put.
        // The charge is the call's own measurement, so the very next failure follows.
        // 1,600 iterations at 100 per unit are 16 units; at 50 per unit, 32.
        var clock = new SimulatedClock { Sha512TicksPerIteration = TicksPerUnit / 100 };
        var hasher = Hasher(clock);
        var hash = IdentityV3(HashAlgorithmName.SHA512, 1600);
        var dummy = clock.Time(() => hasher.VerifyDummyHash(Wrong));

        var before = clock.Time(() => hasher.VerifyHashedPassword(hash, Wrong));
        clock.Sha512TicksPerIteration = TicksPerUnit / 50;
        var after = clock.Time(() => hasher.VerifyHashedPassword(hash, Wrong));

        Assert.Equal(dummy, before);
        Assert.Equal(dummy, after);
        Assert.Equal([16L, 32L], clock.Charged);
    }

    [Fact]
    public void VerifyHashedPassword_Pbkdf2FarDearerThanTheBound_ChargedAtTheBound()
    {
        // PBKDF2 planted 64 times dearer than the table: the charge stops at four times the table's (a quarter of its
        // rate), 340 iterations at 85 / 4 = 21.25 per unit: 16 units, so 48 are still padded.
        var clock = new SimulatedClock { Sha512TicksPerIteration = TicksPerUnit * 64 / HashWork.Sha512IterationsPerUnit };
        var hasher = Hasher(clock);
        var hash = IdentityV3(HashAlgorithmName.SHA512, 340);
        _ = hasher.VerifyDummyHash(Wrong);
        clock.BcryptCosts.Clear();

        _ = hasher.VerifyHashedPassword(hash, Wrong);

        Assert.Equal([16L], clock.Charged);
        Assert.Equal([5, 4], clock.BcryptCosts);
    }

    [Fact]
    public void VerifyHashedPassword_RightPasswordOnIdentityV3AfterLearning_IsNotPadded()
    {
        var clock = new SimulatedClock { Sha512TicksPerIteration = TicksPerUnit / 40 };
        var hasher = Hasher(clock);
        var hash = IdentityV3(HashAlgorithmName.SHA512, 1280);
        _ = hasher.VerifyDummyHash(Wrong);
        _ = hasher.VerifyHashedPassword(hash, Wrong);
        clock.BcryptCosts.Clear();

        var result = hasher.VerifyHashedPassword(hash, Password);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, result);
        Assert.Empty(clock.BcryptCosts);
    }

    [Fact]
    public void Verify_IdentityV3AtTheTableCeiling_StillRunOnAMachineWherePbkdf2IsDearer()
    {
        // The ceiling converts at the table rate: a slow or loaded machine must not refuse a hash it accepted before.
        var clock = new SimulatedClock { Sha256TicksPerIteration = TicksPerUnit * 4 / HashWork.Sha256IterationsPerUnit };
        var hasher = Hasher(clock);
        _ = hasher.VerifyDummyHash(Wrong);
        _ = hasher.VerifyHashedPassword(IdentityV3(HashAlgorithmName.SHA256, 1000), Wrong);
        Assert.Equal([16L], clock.Charged); // four times the table's 4 units
        var iterations = (int)HashWork.MaximumIterations(HashAlgorithmName.SHA256, HashingOptions.DefaultMaximumStoredWorkFactor);

        var result = hasher.Verify(IdentityV3(HashAlgorithmName.SHA256, iterations), Password, out var verdict);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, result);
        Assert.Equal(StoredHashVerdict.Usable, verdict);
    }

    [Fact]
    public void WorkClock_Default_OnLinuxCountsThisThreadsCpuTime()
    {
        var clock = WorkClock.Default;
        Assert.Equal(OperatingSystem.IsLinux() && Environment.Is64BitProcess, clock.IsThreadCpuTime);

        var before = clock.GetTimestamp();
        _ = Rfc2898DeriveBytes.Pbkdf2(Password, new byte[16], 20_000, HashAlgorithmName.SHA512, 32);
        var after = clock.GetTimestamp();

        Assert.True(after > before, $"{before} -> {after}");
    }

    [Fact]
    public void Calibration_AfterWarmUp_AllocatesNothing()
    {
        var calibration = new PaddingCalibration(WorkClock.Default);
        long Round(int i)
        {
            var start = calibration.Clock.GetTimestamp();
            calibration.ObserveBcrypt(1024, 1000 + i);
            return calibration.Pbkdf2Units(HashAlgorithmName.SHA512, 100_000, calibration.Clock.GetTimestamp() - start + 2000);
        }

        _ = Round(0);
        var fewest = long.MaxValue;
        for (var i = 1; i < 6 && fewest > 0; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            _ = Round(i);
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
    }

    private static BcryptPasswordHasher Hasher(SimulatedClock clock) =>
        new(new HashingOptions { WorkFactor = WorkFactor, AllowInsecureWorkFactorForTesting = true })
        {
            Observer = clock,
            Calibration = new PaddingCalibration(clock),
        };

    // Identity's V3 layout written directly: 0x01 | PRF | iterations | salt length | salt | subkey.
    private static string IdentityV3(HashAlgorithmName prf, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var subkey = Rfc2898DeriveBytes.Pbkdf2(Password, salt, iterations, prf, 32);
        var bytes = new byte[13 + salt.Length + subkey.Length];
        bytes[0] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), prf == HashAlgorithmName.SHA1 ? 0u : prf == HashAlgorithmName.SHA256 ? 1u : 2u);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5), (uint)iterations);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(9), (uint)salt.Length);
        salt.CopyTo(bytes, 13);
        subkey.CopyTo(bytes, 13 + salt.Length);
        return Convert.ToBase64String(bytes);
    }

    // A clock that advances only when the hasher starts a run (the observer sees each run before it happens), by the
    // planted cost of that run. Single-threaded, as the hasher's calls in these tests are.
    private sealed class SimulatedClock : WorkClock, IHashWorkObserver
    {
        private long _now;

        public long Sha256TicksPerIteration { get; set; } = TicksPerUnit / HashWork.Sha256IterationsPerUnit;

        public long Sha512TicksPerIteration { get; set; } = TicksPerUnit / HashWork.Sha512IterationsPerUnit;

        public List<int> BcryptCosts { get; } = [];

        public List<long> Charged { get; } = [];

        internal override bool IsThreadCpuTime => false;

        internal override long GetTimestamp() => _now;

        public long Time(Action action)
        {
            var start = _now;
            action();
            return _now - start;
        }

        public void Bcrypt(int cost)
        {
            BcryptCosts.Add(cost);
            _now += HashWork.Bcrypt(cost) * TicksPerUnit;
        }

        public void Pbkdf2(HashAlgorithmName prf, int iterations) =>
            _now += iterations * (prf == HashAlgorithmName.SHA256 ? Sha256TicksPerIteration : Sha512TicksPerIteration);

        public void Pbkdf2Charged(long units) => Charged.Add(units);
    }
}
