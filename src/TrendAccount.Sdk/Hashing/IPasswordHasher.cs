namespace TrendAccount.Sdk;

/// <summary>
/// Hashes and verifies passwords. Implementations are thread-safe. <see cref="VerifyHashedPassword"/> never throws on
/// the provided password or the stored hash; <see cref="HashPassword"/> throws only for misuse (a password that
/// <see cref="PasswordPolicy"/> refuses first).
/// </summary>
public interface IPasswordHasher
{
    /// <summary>Hashes a password for storage.</summary>
    /// <param name="password">The password as typed, already accepted by <see cref="PasswordPolicy"/>; implementations normalize it to NFKC.</param>
    /// <returns>A self-describing hash string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="password"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="password"/> cannot be hashed: <see cref="BcryptPasswordHasher"/> refuses a string that is not
    /// well-formed UTF-16 (a lone surrogate) or is longer than <see cref="CredentialNormalizer.MaximumPasswordInputLength"/>.
    /// The policy refuses both first, so this signals a caller that skipped it.
    /// </exception>
    string HashPassword(string password);

    /// <summary>Verifies a password against a stored hash in constant time. Never throws.</summary>
    /// <param name="hashedPassword">The stored hash; any string, <see langword="null"/> included.</param>
    /// <param name="providedPassword">The password as typed; any string, <see langword="null"/> included.</param>
    /// <returns>
    /// Whether it matches, and whether the hash should be upgraded; <see cref="PasswordVerificationResult.Failed"/> for
    /// anything unusable (a corrupt or foreign hash, a lone surrogate, <see langword="null"/>).
    /// </returns>
    PasswordVerificationResult VerifyHashedPassword(string hashedPassword, string providedPassword);
}
