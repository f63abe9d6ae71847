namespace TrendAccount.Sdk;

/// <summary>Rate limits on the recovery flows (<see cref="TrendAccountOptions.RateLimits"/>). Over a limit, the flow answers as usual and does nothing.</summary>
public sealed class RateLimitOptions
{
    /// <summary>The default cap on windows the in-memory counter table holds: 100,000 (about 20 MiB).</summary>
    public const int DefaultMaximumTrackedKeys = 100_000;

    /// <summary>
    /// Gets or sets the most windows (one per limited key: client, address, device) the in-memory counter table holds
    /// across every limit, throttle, step-up and device budget; past it, the least-used windows are evicted and counted
    /// in <see cref="TrendAccountDiagnostics.LimitWindowsEvictedCounter"/>. Not used when the host registers its own
    /// <see cref="IAttemptCounter"/>.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultMaximumTrackedKeys"/> (100,000).</value>
    public int MaximumTrackedKeys { get; set; } = DefaultMaximumTrackedKeys;

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

    /// <summary>Gets registrations allowed per client (captcha solved or not, each costs one bcrypt hash).</summary>
    /// <value>Defaults to 10 per 15 minutes.</value>
    public RateLimitRule RegistrationPerClient { get; } = new(10, TimeSpan.FromMinutes(15));

    /// <summary>
    /// Gets registration mails (confirmation links and "you already have an account" notices) allowed per address.
    /// Only a request that will send a mail is counted; over the limit, the answer is the same and nothing is sent.
    /// </summary>
    /// <value>Defaults to 3 per 15 minutes.</value>
    public RateLimitRule RegistrationPerAddress { get; } = new(3, TimeSpan.FromMinutes(15));

    internal void Validate(ICollection<string> failures)
    {
        if (MaximumTrackedKeys is < 1000 or > 10_000_000)
        {
            failures.Add($"TrendAccount:RateLimits:MaximumTrackedKeys ({MaximumTrackedKeys}) must be between 1000 and 10000000.");
        }

        PasswordResetPerAddress.Validate(nameof(PasswordResetPerAddress), failures);
        PasswordResetPerClient.Validate(nameof(PasswordResetPerClient), failures);
        EmailRecoveryPerClient.Validate(nameof(EmailRecoveryPerClient), failures);
        InvalidResetTokensPerClient.Validate(nameof(InvalidResetTokensPerClient), failures);
        RegistrationPerClient.Validate(nameof(RegistrationPerClient), failures);
        RegistrationPerAddress.Validate(nameof(RegistrationPerAddress), failures);
    }
}
