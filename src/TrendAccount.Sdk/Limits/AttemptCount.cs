namespace TrendAccount.Sdk;

/// <summary>What an <see cref="IAttemptCounter"/> knows of one key. Immutable.</summary>
/// <param name="Count">The attempts counted in the open window (zero when none is open).</param>
/// <param name="Added">Whether this call counted an attempt (always <see langword="false"/> for a read).</param>
/// <param name="RetryAfter">The time until the open window ends (zero when none is open).</param>
public readonly record struct AttemptCount(int Count, bool Added, TimeSpan RetryAfter)
{
    /// <summary>Gets the count of a key with no open window.</summary>
    public static AttemptCount None { get; }
}
