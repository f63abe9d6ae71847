namespace TrendAccount.Sdk.Tests.Credentials;

/// <summary>One cap on password input, in UTF-16 code units before any normalization, shared by every component.</summary>
public sealed class PasswordInputCapTests
{
    private static readonly string OverCap = new('a', CredentialNormalizer.MaximumPasswordInputLength + 1);

    [Fact]
    public void MaximumPasswordInputLength_FarAboveTheLongestAllowedPassword() =>
        Assert.True(CredentialNormalizer.MaximumPasswordInputLength >= 2 * PasswordOptions.MaximumAllowedLength * 2);

    [Fact]
    public void NormalizePassword_OverTheCap_KeptAsTypedAndMarkedOversized()
    {
        var input = CredentialNormalizer.Default.NormalizePassword(OverCap);

        Assert.True(input.Hints.HasFlag(InputHints.Oversized));
        Assert.Same(OverCap, input.Value);
    }

    [Fact]
    public void Validate_OverTheCap_TooLong() =>
        Assert.True(new PasswordPolicy().Validate(OverCap, OverCap).Has(PasswordProblem.TooLong));

    [Fact]
    public async Task SignInAsync_OverTheCap_FailsWithoutReachingTheHasher()
    {
        var hasher = new CountingPasswordHasher(new BcryptPasswordHasher(new HashingOptions { WorkFactor = 4, AllowInsecureWorkFactorForTesting = true }));
        await using var host = FlowHost.Create(build: b => b.UsePasswordHasher(hasher));

        var result = await host.SignInAsync("john@example.com", OverCap);

        Assert.False(result.Succeeded);
        Assert.Equal(0, hasher.VerifyCalls);
    }
}
