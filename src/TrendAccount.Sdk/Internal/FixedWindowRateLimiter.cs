namespace TrendAccount.Sdk;

/// <summary>
/// One fixed-window rate limit (a permit count per window, per partition) kept in the registered
/// <see cref="IAttemptCounter"/> under its own key prefix: the SDK's bounded in-memory table by default, or the
/// shared engine (Redis, the database) a multi-node host registers, so that one limit holds across all nodes.
/// A <see langword="null"/> partition is a client the host could not identify: it is not limited (there is no pooled
/// "unknown" partition that one client could spend for everyone). Thread-safe.
/// </summary>
internal sealed class FixedWindowRateLimiter
{
    private readonly IAttemptCounter _counter;
    private readonly string _prefix;
    private readonly int _permitLimit;
    private readonly TimeSpan _window;

    public FixedWindowRateLimiter(int permitLimit, TimeSpan window, IAttemptCounter counter, string prefix)
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

    /// <summary>Gets the number of permits a partition has per window.</summary>
    public int PermitLimit => _permitLimit;

    /// <summary>Tells whether a partition has used up its permits in the current window, without taking one or opening a window.</summary>
    public async ValueTask<bool> IsExhaustedAsync(string? partition, CancellationToken cancellationToken) =>
        partition is not null
        && (await _counter.GetAsync(_prefix + partition, cancellationToken).ConfigureAwait(false)).Count >= _permitLimit;

    /// <summary>Takes one permit; a refused request opens no window and changes nothing (the port's contract).</summary>
    public async ValueTask<bool> TryAcquireAsync(string? partition, CancellationToken cancellationToken) =>
        partition is null
        || (await _counter.TryAddAsync(_prefix + partition, _permitLimit, _window, cancellationToken).ConfigureAwait(false)).Added;
}
