namespace TrendAccount.Sdk.Tests.Tokens;

public sealed class TokenOptionsTests
{
    [Fact]
    public void Defaults_ResetLinkLasts30MinutesAndAreValid()
    {
        var options = new TrendAccountOptions();

        Assert.Equal(TimeSpan.FromMinutes(30), options.Tokens.PasswordResetLifetime);
        Assert.Equal(TimeSpan.FromMinutes(30), options.Tokens.SessionIdleTimeout);
        Assert.Equal(TimeSpan.FromHours(12), options.Tokens.SessionAbsoluteLifetime);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_ResetLifetimeOf24Hours_IsAccepted()
    {
        var options = new TrendAccountOptions();
        options.Tokens.PasswordResetLifetime = TimeSpan.FromHours(24);

        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData(24 * 60 * 60 * 10_000_000L + 1)]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Validate_ResetLifetimeOver24HoursOrNotPositive_IsRefusedNamingTheSetting(long ticks)
    {
        var options = new TrendAccountOptions();
        options.Tokens.PasswordResetLifetime = TimeSpan.FromTicks(ticks);

        Assert.Contains("TrendAccount:Tokens:PasswordResetLifetime", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SessionAbsoluteShorterThanIdle_IsRefused()
    {
        var options = new TrendAccountOptions();
        options.Tokens.SessionIdleTimeout = TimeSpan.FromHours(2);
        options.Tokens.SessionAbsoluteLifetime = TimeSpan.FromHours(1);

        Assert.Contains("TrendAccount:Tokens:SessionAbsoluteLifetime", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SessionIdleTimeoutZero_IsRefused()
    {
        var options = new TrendAccountOptions();
        options.Tokens.SessionIdleTimeout = TimeSpan.Zero;

        Assert.Contains(options.Validate(), f => f.Contains("TrendAccount:Tokens:SessionIdleTimeout", StringComparison.Ordinal));
    }
}
