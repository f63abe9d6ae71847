namespace TrendAccount.Sdk;

/// <summary>
/// Turns what a customer typed into the canonical email address and password the SDK works with,
/// and reports what it noticed ("no extra spaces or duplicate characters", as the support article says).
/// Pure: no I/O, no clock, no shared mutable state. Thread-safe.
/// </summary>
public sealed class CredentialNormalizer
{
    /// <summary>Gets the normalizer with the default rules.</summary>
    public static CredentialNormalizer Default { get; } = new();

    /// <summary>Normalizes an email address. Never throws.</summary>
    /// <param name="input">What the customer typed.</param>
    /// <returns>The canonical address and lookup key, or the problem found.</returns>
    public EmailNormalization NormalizeEmail(string? input) => throw new NotImplementedException();

    /// <summary>Normalizes a password to NFKC without trimming it. Never throws.</summary>
    /// <param name="input">What the customer typed.</param>
    /// <returns>The password to hash or check, with hints computed from the input alone.</returns>
    public PasswordInput NormalizePassword(string? input) => throw new NotImplementedException();
}
