namespace TrendAccount.Sdk;

/// <summary>
/// The per-process rate limits of the recovery flows (<see cref="RateLimitOptions"/>), one window set each. One per
/// container, shared by the handlers that charge them; thread-safe and bounded in memory.
/// </summary>
internal sealed class RecoveryLimits
{
    public RecoveryLimits(FlowContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limits = context.Options.RateLimits;
        ResetsPerAddress = new FixedWindowRateLimiter(limits.PasswordResetPerAddress, context.Time);
        ResetsPerClient = new FixedWindowRateLimiter(limits.PasswordResetPerClient, context.Time);
        RecoveriesPerClient = new FixedWindowRateLimiter(limits.EmailRecoveryPerClient, context.Time);
        InvalidLinksPerClient = new FixedWindowRateLimiter(limits.InvalidResetTokensPerClient, context.Time);
    }

    public FixedWindowRateLimiter ResetsPerAddress { get; }

    public FixedWindowRateLimiter ResetsPerClient { get; }

    public FixedWindowRateLimiter RecoveriesPerClient { get; }

    public FixedWindowRateLimiter InvalidLinksPerClient { get; }
}
