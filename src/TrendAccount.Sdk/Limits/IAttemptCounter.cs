namespace TrendAccount.Sdk;

/// <summary>
/// The port behind every throttle, rate limit, step-up and device failure budget: fixed-window counters by key.
/// The SDK registers an in-memory, bounded implementation; a multi-node host replaces it with one backed by a shared
/// engine (Redis, the database), so that one limit holds across all nodes. Implementations must be thread-safe.
/// </summary>
/// <remarks>
/// Keys are built by the SDK (a short purpose prefix and a normalized lookup key, client key or device id); they are
/// at most a few hundred ASCII characters and never contain a password or token. A window starts with the first
/// counted attempt for its key and lasts the given length; a key with no open window counts zero. Reading a key or
/// refusing an attempt must never create a window, so that refused traffic costs no memory.
/// </remarks>
public interface IAttemptCounter
{
    /// <summary>Reads a key's count in its open window without changing it (and without creating a window).</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The count (zero when no window is open) and the time until the window ends.</returns>
    ValueTask<AttemptCount> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one attempt if the key's open window holds fewer than <paramref name="limit"/>; opens a window of
    /// <paramref name="window"/> when none is open. Atomic: concurrent callers never count past the limit.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="limit">The most attempts a window may hold (at least 1).</param>
    /// <param name="window">The window's length, from its first attempt.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>Whether the attempt was counted, the count after it, and the time until the window ends.</returns>
    ValueTask<AttemptCount> TryAddAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Closes a key's open window, if any (its count becomes zero).</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the window is closed.</returns>
    ValueTask ResetAsync(string key, CancellationToken cancellationToken);
}
