namespace TrendAccount.Sdk;

/// <summary>
/// One fixed-window rate limit (a permit count per window, per partition) kept in the shared, bounded
/// <see cref="InMemoryAttemptCounter"/> under its own key prefix, so every limit in the process shares one memory bound.
/// A <see langword="null"/> partition is a client the host could not identify: it is not limited (there is no pooled
/// "unknown" partition that one client could spend for everyone). Thread-safe.
/// </summary>
internal sealed class FixedWindowRateLimiter
{
    private readonly InMemoryAttemptCounter _counter;
    private readonly string _prefix;
    private readonly int _permitLimit;
    private readonly TimeSpan _window;

    public FixedWindowRateLimiter(int permitLimit, TimeSpan window, InMemoryAttemptCounter counter, string prefix)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitLimit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentNullException.ThrowIfNull(prefix);
        _permitLimit = permitLimit;
        _window = window;
        _counter = counter;
        _prefix = prefix;
    }

    /// <summary>Tells whether a partition has used up its permits in the current window, without taking one or opening a window.</summary>
    public bool IsExhausted(string? partition) => partition is not null && _counter.Get(_prefix + partition).Count >= _permitLimit;

    /// <summary>Takes one permit; a refused request opens no window and changes nothing.</summary>
    public bool TryAcquire(string? partition) => partition is null || _counter.TryAdd(_prefix + partition, _permitLimit, _window).Added;
}
