namespace TrendAccount.Sdk;

/// <summary>
/// The bcrypt implementation that <see cref="BcryptPasswordHasher"/> runs (<see cref="HashingOptions.Engine"/>).
/// Both compute byte-identical hashes, so a host can switch at any time without touching stored hashes.
/// </summary>
public enum BcryptEngine
{
    /// <summary>
    /// The SDK's own EksBlowfish in managed code (the default): no native dependency, AOT- and trimming-safe, no heap
    /// allocation per hash, about as fast as libxcrypt's C (docs/benchmarks.md).
    /// </summary>
    Managed = 0,

    /// <summary>
    /// BCrypt.Net-Next, the long-established managed implementation, for a host that prefers it; about a third slower.
    /// </summary>
    BCryptNet = 1,
}
