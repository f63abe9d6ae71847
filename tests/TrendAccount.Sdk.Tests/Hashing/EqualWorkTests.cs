using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace TrendAccount.Sdk.Tests.Hashing;

/// <summary>
/// Issue #11, items 6 and 12: a failed verification costs the dummy's work whatever the stored format and cost, each
/// legacy format is verified at most once, and a stored hash above the cost ceiling is never run. "Work" is counted
/// with a spy on the engine (bcrypt units: 2^cost per run), never timed.
/// </summary>
public sealed class EqualWorkTests
{
    private const int WorkFactor = 6;
    private const long Budget = 1L << WorkFactor;
    private const string Password = "correct horse battery staple";
    private const string Wrong = "correct horse battery stapler";

    public static TheoryData<string> CheaperFormats() => new()
    {
        "current-cost-4",
        "current-cost-5",
        "bcrypt-2a-cost-4",
        "bcrypt-2b-cost-5",
        "bcrypt-2y-cost-4",
        "identity-v2",
        "identity-v3-sha256-10000",
        "identity-v3-sha512-1000",
        "unrecognized",
        "unknown-pepper",
    };

    [Theory]
    [MemberData(nameof(CheaperFormats))]
    public void VerifyHashedPassword_WrongPasswordOnAnyAcceptedFormat_SpendsTheDummysWork(string format)
    {
        var spy = new WorkSpy();
        var hasher = Hasher(spy);
        var hash = StoredHash(format);

        var result = hasher.VerifyHashedPassword(hash, Wrong);

        Assert.Equal(PasswordVerificationResult.Failed, result);

        // bcrypt formats are padded exactly; an Identity hash's PBKDF2 share to the nearest half of the cheapest run.
        var tolerance = format.StartsWith("identity", StringComparison.Ordinal) ? HashWork.Bcrypt(EksBlowfish.MinimumCost) / 2 : 0;
        Assert.InRange(spy.Units, Budget - tolerance, Budget + tolerance);
    }

    [Fact]
    public void VerifyDummyHash_Always_SpendsOneRunAtTheWorkFactor()
    {
        var spy = new WorkSpy();

        _ = Hasher(spy).VerifyDummyHash(Wrong);

        Assert.Equal([WorkFactor], spy.BcryptCosts);
    }

    [Fact]
    public void VerifyHashedPassword_WrongPasswordOnCurrentHash_NoPadding()
    {
        var spy = new WorkSpy();
        var hasher = Hasher(spy);
        var hash = TestHashers.Create(WorkFactor).HashPassword(Password);

        _ = hasher.VerifyHashedPassword(hash, Wrong);

        Assert.Equal([WorkFactor], spy.BcryptCosts);
    }

    [Fact]
    public void VerifyHashedPassword_OlderCost_PaddedWithBinaryDigitsOfTheDifference()
    {
        // The finding: a hash at an older cost answered at 0.49x the unknown-address time. Cost 4 under work factor
        // 6: 16 units verified, 48 padded as one run at 5 (32) and one at 4 (16).
        var spy = new WorkSpy();
        var hash = TestHashers.Create(4).HashPassword(Password);

        _ = Hasher(spy).VerifyHashedPassword(hash, Wrong);

        Assert.Equal([4, 5, 4], spy.BcryptCosts);
    }

    [Fact]
    public void VerifyHashedPassword_RightPasswordOnOlderCost_IsNotPadded()
    {
        var spy = new WorkSpy();
        var hash = TestHashers.Create(4).HashPassword(Password);

        var result = Hasher(spy).VerifyHashedPassword(hash, Password);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, result);
        Assert.Equal([4], spy.BcryptCosts);
    }

    [Theory]
    [InlineData("$2a$")]
    [InlineData("$2b$")]
    [InlineData("$2y$")]
    public void VerifyHashedPassword_LegacyBcryptWithNonNfkcPassword_VerifiedOnce(string prefix)
    {
        // The finding: a legacy $2a$ hash with a non-NFKC password was verified twice (2.02x). "ｐａｓｓ" (full-width)
        // is not NFKC; the stored hash is of something else, so both candidates would have been tried.
        ArgumentNullException.ThrowIfNull(prefix);
        var spy = new WorkSpy();
        var legacy = BCrypt.Net.BCrypt.HashPassword(Password, BCrypt.Net.BCrypt.GenerateSalt(4, prefix[2]));

        var result = Hasher(spy).VerifyHashedPassword(legacy, "ｐａｓｓｗｏｒｄ ｆｕｌｌ ｗｉｄｔｈ");

        Assert.Equal(PasswordVerificationResult.Failed, result);
        // One run at the stored cost (4), then the padding to the work factor (6): 5 and 4.
        Assert.Equal([4, 5, 4], spy.BcryptCosts);
        Assert.Equal(Budget, spy.Units);
    }

    [Fact]
    public void VerifyHashedPassword_LegacyBcryptAsProvided_StillSucceeds()
    {
        var legacy = BCrypt.Net.BCrypt.HashPassword(Password, BCrypt.Net.BCrypt.GenerateSalt(4, 'a'));

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Hasher(new WorkSpy()).VerifyHashedPassword(legacy, Password));
    }

    [Theory]
    [InlineData("$2b$31$")]
    [InlineData("$2a$16$")]
    [InlineData("$2y$13$")]
    [InlineData("$tabc1$-$2b$31$")]
    [InlineData("$tabc1$-$2b$16$")]
    public void VerifyHashedPassword_CostAboveTheCeiling_NotRunAndCostsTheDummy(string prefix)
    {
        // The finding: cost 31 never returned, cost 16 took 5.4 s. Above the ceiling (12) nothing at the stored cost
        // runs: the dummy's one run at the work factor is all the work.
        var spy = new WorkSpy();
        var hasher = Hasher(spy);

        var result = hasher.Verify(prefix + new string('e', 53), Password, out var verdict);

        Assert.Equal(PasswordVerificationResult.Failed, result);
        Assert.Equal(StoredHashVerdict.AboveCeiling, verdict);
        Assert.Equal([WorkFactor], spy.BcryptCosts);
    }

    [Fact]
    public void VerifyHashedPassword_IdentityV3AboveTheCeiling_NotRunAndCostsTheDummy()
    {
        // The finding: Identity V3 at its 10,000,000-iteration cap took up to 12 s. The ceiling converts cost 12 to
        // iterations (4,096 units), far below that.
        var spy = new WorkSpy();
        var hash = IdentityV3(HashAlgorithmName.SHA512, 1000);
        var bytes = Convert.FromBase64String(hash);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5), 10_000_000);

        var result = Hasher(spy).Verify(Convert.ToBase64String(bytes), Password, out var verdict);

        Assert.Equal(PasswordVerificationResult.Failed, result);
        Assert.Equal(StoredHashVerdict.AboveCeiling, verdict);
        Assert.Empty(spy.Pbkdf2Runs);
        Assert.Equal([WorkFactor], spy.BcryptCosts);
    }

    [Fact]
    public void VerifyHashedPassword_IdentityV3AtTheCeiling_IsRun()
    {
        var spy = new WorkSpy();
        var iterations = (int)HashWork.MaximumIterations(HashAlgorithmName.SHA256, HashingOptions.DefaultMaximumStoredWorkFactor);
        var hash = IdentityV3(HashAlgorithmName.SHA256, iterations);

        var result = Hasher(spy).Verify(hash, Password, out var verdict);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, result);
        Assert.Equal(StoredHashVerdict.Usable, verdict);
        Assert.Equal([iterations], spy.Pbkdf2Runs);
    }

    [Fact]
    public void MaximumStoredWorkFactor_BelowTheWorkFactor_TheWorkFactorIsTheCeiling()
    {
        var hasher = new BcryptPasswordHasher(new HashingOptions { WorkFactor = 13, MaximumStoredWorkFactor = 10 });

        Assert.Equal(13, hasher.Ceiling);
    }

    [Fact]
    public void MaximumStoredWorkFactor_Raised_RunsHashesUpToIt()
    {
        var spy = new WorkSpy();
        var hasher = new BcryptPasswordHasher(new HashingOptions { WorkFactor = 4, AllowInsecureWorkFactorForTesting = true, MaximumStoredWorkFactor = 5 }) { Observer = spy };
        var hash = TestHashers.Create(5).HashPassword(Password);

        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(hash, Password));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.Verify("$2b$06$" + new string('e', 53), Password, out var verdict));
        Assert.Equal(StoredHashVerdict.AboveCeiling, verdict);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(32)]
    public void MaximumStoredWorkFactor_OutOfRange_RefusedNamingTheSetting(int value)
    {
        var exception = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => new BcryptPasswordHasher(new HashingOptions { MaximumStoredWorkFactor = value }));

        Assert.Contains("MaximumStoredWorkFactor", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BcryptEngine.Managed)]
    [InlineData(BcryptEngine.BCryptNet)]
    public void VerifyHashedPassword_CostAboveTheCeiling_FailsOnEitherEngine(BcryptEngine engine)
    {
        // Cost 31 would not return on either engine; reaching the assertion is the proof it did not run.
        var hasher = TestHashers.Create(engine);

        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword("$2b$31$" + new string('e', 53), Password));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword("$tabc1$-$2b$31$" + new string('e', 53), Password));
    }

    [Fact]
    public async Task SignInAsync_StoredHashAboveTheCeiling_FailsLikeAWrongPasswordAndLogsItAsCorrupt()
    {
        await using var host = Infrastructure.FlowHost.Create();
        await host.RegisterAsync("PQRS-1234-5678-9012-3456", "jane@example.com", Password);
        var account = await host.AccountAsync("jane@example.com");
        _ = await host.Store.ChangePasswordAsync(account.Id, account.SecurityStamp, "$2b$31$" + new string('e', 53), AccountRecord.NewSecurityStamp(), CancellationToken.None);

        var result = await host.SignInAsync("jane@example.com", Password);

        Assert.Equal(SignInStatus.Failed, result.Status);
        var corrupt = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 1253);
        Assert.Contains("AboveCeiling", corrupt.Message, StringComparison.Ordinal);
        Assert.Contains(account.Id.ToString(), corrupt.Message, StringComparison.Ordinal);
    }

    private static BcryptPasswordHasher Hasher(WorkSpy spy) =>
        new(new HashingOptions { WorkFactor = WorkFactor, AllowInsecureWorkFactorForTesting = true }) { Observer = spy };

    private static string StoredHash(string format) => format switch
    {
        "current-cost-4" => TestHashers.Create(4).HashPassword(Password),
        "current-cost-5" => TestHashers.Create(5).HashPassword(Password),
        "bcrypt-2a-cost-4" => BCrypt.Net.BCrypt.HashPassword(Password, BCrypt.Net.BCrypt.GenerateSalt(4, 'a')),
        "bcrypt-2b-cost-5" => BCrypt.Net.BCrypt.HashPassword(Password, BCrypt.Net.BCrypt.GenerateSalt(5, 'b')),
        "bcrypt-2y-cost-4" => BCrypt.Net.BCrypt.HashPassword(Password, BCrypt.Net.BCrypt.GenerateSalt(4, 'y')),
        "identity-v2" => new PasswordHasher<object>(MsOptions.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 })).HashPassword(new object(), Password),
        "identity-v3-sha256-10000" => IdentityV3(HashAlgorithmName.SHA256, 10_000),
        "identity-v3-sha512-1000" => IdentityV3(HashAlgorithmName.SHA512, 1000),
        "unrecognized" => "not a hash at all",
        "unknown-pepper" => "$tabc1$gone$2b$04$" + new string('e', 53),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
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

    private sealed class WorkSpy : IHashWorkObserver
    {
        private readonly ConcurrentQueue<int> _bcrypt = new();
        private readonly ConcurrentQueue<(HashAlgorithmName Prf, int Iterations)> _pbkdf2 = new();
        private readonly ConcurrentQueue<long> _charged = new();

        public List<int> BcryptCosts => [.. _bcrypt];

        public List<int> Pbkdf2Runs => [.. _pbkdf2.Select(r => r.Iterations)];

        // A PBKDF2 run counts as the units the hasher charged it for its measured time (PaddingCalibrationTests prove
        // the charge follows the time, within bounds); the padding must make up the rest exactly.
        public long Units => _bcrypt.Sum(HashWork.Bcrypt) + _charged.Sum();

        public void Bcrypt(int cost) => _bcrypt.Enqueue(cost);

        public void Pbkdf2(HashAlgorithmName prf, int iterations) => _pbkdf2.Enqueue((prf, iterations));

        public void Pbkdf2Charged(long units) => _charged.Enqueue(units);
    }
}
