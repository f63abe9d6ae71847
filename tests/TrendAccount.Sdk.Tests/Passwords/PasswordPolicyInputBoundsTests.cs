namespace TrendAccount.Sdk.Tests.Passwords;

/// <summary>
/// Issue #11, item 12: <c>PasswordPolicy.Validate</c> normalized the context's address and serial with no limit
/// (2.8 s for 32,000 combining marks, 98 MiB for a 984,054 x U+FDFA serial). The context is now bounded before any
/// normalization. Work is measured as bytes allocated on this thread (NFKC of such input allocates at least its
/// result), never as time.
/// </summary>
public sealed class PasswordPolicyInputBoundsTests
{
    private const string Password = "correct horse battery staple";
    private static readonly PasswordPolicy Policy = new();

    [Fact]
    public void Validate_SerialOf984054Ufdfa_IsNotNormalized()
    {
        // U+FDFA expands to 18 characters under NFKC: normalizing this serial would allocate about 35 MB.
        var context = new PasswordContext(Serial: new string('\uFDFA', 984_054));
        _ = Policy.Validate(Password, Password, context);

        var allocated = Allocated(() => Policy.Validate(Password, Password, context));

        Assert.InRange(allocated, 0, 64 * 1024);
    }

    [Fact]
    public void Validate_EmailOf32000CombiningMarks_IsNotNormalized()
    {
        // One letter and alternating combining marks: the input NFKC reorders in roughly quadratic time.
        var email = "a" + string.Concat(Enumerable.Repeat("\u0316\u0300", 16_000)) + "@example.com";
        var context = new PasswordContext(Email: email);
        _ = Policy.Validate(Password, Password, context);

        var allocated = Allocated(() => Policy.Validate(Password, Password, context));

        Assert.InRange(allocated, 0, 16 * 1024);
    }

    [Fact]
    public void Validate_ContextWithinTheCaps_StillCompared()
    {
        var result = Policy.Validate("jane.doe@example.com", "jane.doe@example.com", new PasswordContext(Email: "jane.doe@example.com", Serial: "PQRS-1234-5678-9012-3456"));
        var serial = Policy.Validate("pqrs1234567890123456", "pqrs1234567890123456", new PasswordContext(Serial: "PQRS-1234-5678-9012-3456"));

        Assert.Contains(PasswordProblem.ContainsAccountDetails, result.Problems);
        Assert.Contains(PasswordProblem.ContainsAccountDetails, serial.Problems);
    }

    [Fact]
    public void Validate_ContextOverTheCaps_NotCompared()
    {
        var email = new string('a', CredentialNormalizer.MaximumEmailInputLength) + "@example.com";
        var serial = new string('1', SerialClassifier.MaximumInputLength + 1);

        Assert.DoesNotContain(PasswordProblem.ContainsAccountDetails, Policy.Validate(Password, Password, new PasswordContext(email, serial)).Problems);
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(16_384)]
    public async Task SignInAsync_PasswordOfAlternatingCombiningMarks_FailsWithoutNormalizingOrHashingOverTheCap(int length)
    {
        // The finding: a 32 KB password of one letter and 16,383 alternating marks cost 665-750 ms in SignInAsync.
        // Over the cap it never reaches NFKC or the hasher; at the cap it is one normal verification at most.
        var hasher = new Infrastructure.CountingPasswordHasher(Hashing.TestHashers.Create());
        await using var host = Infrastructure.FlowHost.Create(build: b => b.UsePasswordHasher(hasher));
        var password = "a" + string.Concat(Enumerable.Repeat("\u0316\u0300", (length / 2) + 1))[..length];

        var result = await host.SignInAsync("jane@example.com", password);

        Assert.Equal(SignInStatus.Failed, result.Status);
        Assert.InRange(hasher.VerifyCalls, 0, 1);
        if (length > CredentialNormalizer.MaximumPasswordInputLength)
        {
            Assert.Equal(0, hasher.VerifyCalls);
        }
    }

    private static long Allocated(Func<PasswordValidation> action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
