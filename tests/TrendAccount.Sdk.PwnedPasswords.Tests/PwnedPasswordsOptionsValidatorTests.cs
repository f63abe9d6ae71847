using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.PwnedPasswords.Tests;

public sealed class PwnedPasswordsOptionsValidatorTests
{
    public static TheoryData<Action<PwnedPasswordsOptions>, string> BadOptions => new()
    {
        { o => o.BaseUrl = null, "BaseUrl is required" },
        { o => o.BaseUrl = new Uri("/range", UriKind.Relative), "must be an absolute URL" },
        { o => o.BaseUrl = new Uri("http://pwned.example.com/"), "must use https" },
        { o => o.BaseUrl = new Uri("ftp://pwned.example.com/"), "must use https" },
        { o => o.BaseUrl = new Uri("https://user:pw@pwned.example.com/"), "must not carry user information" },
        { o => o.BaseUrl = new Uri("https://pwned.example.com/?key=1"), "a query" },
        { o => o.OfflineDirectory = "/definitely/not/here/pwned", "does not exist" },
        { o => o.OfflineDirectory = " ", "OfflineDirectory must be a folder" },
        { o => o.Timeout = TimeSpan.Zero, "Timeout" },
        { o => o.Timeout = TimeSpan.FromMinutes(5), "Timeout" },
        { o => o.MinimumCount = 0, "MinimumCount" },
        { o => o.FailureMode = (PwnedPasswordsFailureMode)7, "FailureMode" },
        { o => o.MaxRetries = -1, "MaxRetries" },
        { o => o.MaxRetries = 6, "MaxRetries" },
        { o => o.RetryDelay = TimeSpan.FromSeconds(-1), "RetryDelay" },
        { o => o.RetryDelay = TimeSpan.FromSeconds(2), "RetryDelay" },
        { o => o.CacheSize = -1, "CacheSize" },
        { o => o.CacheSize = 1_000_000, "CacheSize" },
        { o => o.CacheLifetime = TimeSpan.Zero, "CacheLifetime" },
        { o => o.CacheLifetime = TimeSpan.FromDays(30), "CacheLifetime" },
    };

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = new PwnedPasswordsOptionsValidator().Validate(null, new PwnedPasswordsOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(new Uri("https://api.pwnedpasswords.com/"), new PwnedPasswordsOptions().BaseUrl);
        Assert.Equal(PwnedPasswordsFailureMode.FailOpen, new PwnedPasswordsOptions().FailureMode);
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_BadSetting_FailsNamingTheSetting(Action<PwnedPasswordsOptions> spoil, string expected)
    {
        var options = new PwnedPasswordsOptions();
        spoil(options);

        var result = new PwnedPasswordsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("TrendAccount:PwnedPasswords:", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OfflineDirectoryThatExists_DoesNotNeedABaseUrl()
    {
        var options = new PwnedPasswordsOptions { OfflineDirectory = Path.GetTempPath(), BaseUrl = null };

        Assert.True(new PwnedPasswordsOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_HttpOnLoopback_IsAccepted()
    {
        var options = new PwnedPasswordsOptions { BaseUrl = new Uri("http://127.0.0.1:5000/") };

        Assert.True(new PwnedPasswordsOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public async Task UsePwnedPasswords_BadOptions_StopTheFirstResolve()
    {
        var services = new ServiceCollection();
        services.AddTrendAccount().UsePwnedPasswords(options => options.Timeout = TimeSpan.Zero);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IBreachedPasswordScreen>());

        Assert.Contains("TrendAccount:PwnedPasswords:Timeout", error.Message, StringComparison.Ordinal);
    }
}
