namespace TrendAccount.Sdk;

/// <summary>Rate limits on the recovery flows (<see cref="TrendAccountOptions.RateLimits"/>). Over a limit, the flow answers as usual and does nothing.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Gets password-reset requests allowed per email address.</summary>
    /// <value>Defaults to 3 per 15 minutes.</value>
    public RateLimitRule PasswordResetPerAddress { get; } = new(3, TimeSpan.FromMinutes(15));

    /// <summary>Gets password-reset requests allowed per client.</summary>
    /// <value>Defaults to 10 per 15 minutes.</value>
    public RateLimitRule PasswordResetPerClient { get; } = new(10, TimeSpan.FromMinutes(15));

    /// <summary>Gets "forgot which address" look-ups allowed per client.</summary>
    /// <value>Defaults to 10 per 15 minutes.</value>
    public RateLimitRule EmailRecoveryPerClient { get; } = new(10, TimeSpan.FromMinutes(15));

    /// <summary>Gets invalid reset links a client may present before further attempts are refused.</summary>
    /// <value>Defaults to 10 per 15 minutes.</value>
    public RateLimitRule InvalidResetTokensPerClient { get; } = new(10, TimeSpan.FromMinutes(15));

    internal void Validate(ICollection<string> failures)
    {
        PasswordResetPerAddress.Validate(nameof(PasswordResetPerAddress), failures);
        PasswordResetPerClient.Validate(nameof(PasswordResetPerClient), failures);
        EmailRecoveryPerClient.Validate(nameof(EmailRecoveryPerClient), failures);
        InvalidResetTokensPerClient.Validate(nameof(InvalidResetTokensPerClient), failures);
    }
}
