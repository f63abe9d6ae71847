namespace TrendAccount.Sdk;

/// <summary>
/// The recovery settings (<see cref="RecoveryOptions"/>) and the per-process rate limits of the recovery flows
/// (<see cref="RateLimitOptions"/>), one window set each: what the recovery handlers read besides the flow context.
/// One per container, shared by the handlers that charge them; thread-safe and bounded in memory.
/// </summary>
internal sealed class RecoveryLimits
{
    public RecoveryLimits(FlowContext context, RecoveryOptions recovery, RateLimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recovery);
        ArgumentNullException.ThrowIfNull(limits);
        Recovery = recovery;
        ResetsPerAddress = Limiter(limits.PasswordResetPerAddress, context.Time);
        ResetsPerClient = Limiter(limits.PasswordResetPerClient, context.Time);
        RecoveriesPerClient = Limiter(limits.EmailRecoveryPerClient, context.Time);
        InvalidLinksPerClient = Limiter(limits.InvalidResetTokensPerClient, context.Time);
    }

    public RecoveryOptions Recovery { get; }

    public FixedWindowRateLimiter ResetsPerAddress { get; }

    public FixedWindowRateLimiter ResetsPerClient { get; }

    public FixedWindowRateLimiter RecoveriesPerClient { get; }

    public FixedWindowRateLimiter InvalidLinksPerClient { get; }

    private static FixedWindowRateLimiter Limiter(RateLimitRule rule, TimeProvider time) => new(rule.PermitLimit, rule.Window, time);
}
