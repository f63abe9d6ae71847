namespace TrendAccount.Sdk;

/// <summary>
/// The recovery settings (<see cref="RecoveryOptions"/>) and the per-process rate limits of the recovery flows
/// (<see cref="RateLimitOptions"/>), one window set each: what the recovery handlers read besides the flow context.
/// The windows live in the registered <see cref="IAttemptCounter"/> port (the bounded in-memory table unless the host
/// registers a shared one), so a multi-node host's counter covers every recovery limit too.
/// One per container, shared by the handlers that charge them; thread-safe.
/// </summary>
internal sealed class RecoveryLimits
{
    private readonly IAttemptCounter _counter;
    private int _limiters;

    public RecoveryLimits(RecoveryOptions recovery, RateLimitOptions limits, IAttemptCounter counter)
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

    // Each limiter keeps its windows under its own prefix in the one counter (the clock is the counter's).
    private FixedWindowRateLimiter Limiter(RateLimitRule rule) =>
        new(rule.PermitLimit, rule.Window, _counter, $"recovery{++_limiters}:");
}
