namespace TrendAccount.Sdk;

/// <summary>
/// The recovery settings (<see cref="RecoveryOptions"/>) and the per-process rate limits of the recovery flows
/// (<see cref="RateLimitOptions"/>), one window set each: what the recovery handlers read besides the flow context.
/// One per container, shared by the handlers that charge them; thread-safe and bounded in memory.
/// </summary>
internal sealed class RecoveryLimits
{
    private readonly InMemoryAttemptCounter _counter;
    private int _limiters;

    public RecoveryLimits(RecoveryOptions recovery, RateLimitOptions limits, InMemoryAttemptCounter counter)
    {
        ArgumentNullException.ThrowIfNull(recovery);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(counter);
        _counter = counter;
        Recovery = recovery;
        ResetsPerAddress = Limiter(limits.PasswordResetPerAddress);
        ResetsPerClient = Limiter(limits.PasswordResetPerClient);
        RecoveriesPerClient = Limiter(limits.EmailRecoveryPerClient);
        InvalidLinksPerClient = Limiter(limits.InvalidResetTokensPerClient);
    }

    public RecoveryOptions Recovery { get; }

    public FixedWindowRateLimiter ResetsPerAddress { get; }

    public FixedWindowRateLimiter ResetsPerClient { get; }

    public FixedWindowRateLimiter RecoveriesPerClient { get; }

    public FixedWindowRateLimiter InvalidLinksPerClient { get; }

    // Each limiter keeps its windows under its own prefix in the one bounded counter table (the clock is the table's).
    private FixedWindowRateLimiter Limiter(RateLimitRule rule) =>
        new(rule.PermitLimit, rule.Window, _counter, $"recovery{++_limiters}:");
}
