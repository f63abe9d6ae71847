using System.Security.Cryptography;

namespace TrendAccount.Sdk.Tests.SignIn;

public sealed class SignInOptionsTests
{
    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void Validate_BadDeviceTokenKey_NamesTheSetting(string key)
    {
        var options = new TrendAccountOptions();
        options.SignIn.DeviceTokenKey = key;

        Assert.Contains(options.Validate(), f => f.StartsWith("TrendAccount:SignIn:DeviceTokenKey", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DeviceTokenKeyEqualToAPepper_IsRefused()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var options = new TrendAccountOptions();
        options.Hashing.Peppers["p1"] = key;
        options.Hashing.CurrentPepperId = "p1";
        options.SignIn.DeviceTokenKey = key;

        Assert.Contains(options.Validate(), f => f.Contains("must not be one of TrendAccount:Hashing:Peppers", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_AreValidAndBounded()
    {
        var options = new TrendAccountOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(Environment.ProcessorCount, options.SignIn.ConcurrentVerifications);
        Assert.Equal(4 * Environment.ProcessorCount, options.SignIn.QueuedVerifications);
        Assert.Equal(RateLimitOptions.DefaultMaximumTrackedKeys, options.RateLimits.MaximumTrackedKeys);
    }

    [Fact]
    public void Validate_BadLimits_NameTheSettings()
    {
        var options = new TrendAccountOptions();
        options.SignIn.PerClient.PermitLimit = 0;
        options.SignIn.MaximumVerificationWait = TimeSpan.Zero;
        options.RateLimits.MaximumTrackedKeys = 10;

        var failures = options.Validate();

        Assert.Contains(failures, f => f.StartsWith("TrendAccount:SignIn:PerClient:PermitLimit", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("TrendAccount:SignIn:MaximumVerificationWait", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("TrendAccount:RateLimits:MaximumTrackedKeys", StringComparison.Ordinal));
    }
}
