using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.Tests.DependencyInjection;

public sealed class BuildingBlocksTests
{
    private static ServiceProvider BareProvider() =>
        new ServiceCollection()
            .AddTrendAccount(options =>
            {
                options.Hashing.WorkFactor = 4;
                options.Hashing.AllowInsecureWorkFactorForTesting = true;
            })
            .Services.BuildServiceProvider();

    [Fact]
    public void PureBuildingBlocks_NoStoreMailerCaptchaOrResetUrl_ResolveAndWork()
    {
        using var provider = BareProvider();

        Assert.Equal("john@example.com", provider.GetRequiredService<CredentialNormalizer>().NormalizeEmail(" John@Example.com ").LookupKey);
        Assert.Equal(PurchaseChannel.Reseller, provider.GetRequiredService<SerialClassifier>().Classify("tabc-1234-5678-9012-3456").Channel);
        Assert.True(provider.GetRequiredService<PasswordPolicy>().Validate("short").Has(PasswordProblem.TooShort));
        var hasher = provider.GetRequiredService<IPasswordHasher>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(hasher.HashPassword("Blue-Falcon-1987"), "Blue-Falcon-1987"));
        Assert.NotNull(provider.GetRequiredService<TrendAccountMessages>().WrongInformation);
    }

    [Fact]
    public void Flows_NoStoreMailerCaptchaOrResetUrl_StillFailWithTheClearMessages()
    {
        using var provider = BareProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IAccountService>());

        Assert.Contains(error.Failures, f => f.StartsWith("TrendAccount:Recovery:ResetLinkBaseUrl is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("UseInMemoryStores()", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("UseMailer<TMailer>()", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("UseCaptchaVerifier<TVerifier>()", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildingBlocks_BadOptionValue_StillFailNamingTheSetting()
    {
        using var provider = new ServiceCollection()
            .AddTrendAccount(options => options.Password.MaximumLength = PasswordOptions.MaximumAllowedLength + 1)
            .Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PasswordPolicy>());

        Assert.Contains(error.Failures, f => f.StartsWith("TrendAccount:Password", StringComparison.Ordinal));
    }
}
