namespace TrendAccount.Sdk;

/// <summary>
/// Hashes and verifies passwords. Implementations are thread-safe. <see cref="VerifyHashedPassword"/> never throws on
/// user input or stored data; <see cref="HashPassword"/> is given only passwords <see cref="PasswordPolicy"/> accepted,
/// and may throw for anything else.
/// </summary>
public interface IPasswordHasher
{
    /// <summary>Hashes a password for storage.</summary>
    /// <param name="password">The password as typed; implementations normalize it to NFKC.</param>
    /// <returns>A self-describing hash string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="password"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The password cannot have passed the policy: longer than <see cref="CredentialNormalizer.MaximumPasswordInputLength"/>
    /// or not well-formed UTF-16 (<see cref="BcryptPasswordHasher"/>).
    /// </exception>
    string HashPassword(string password);

    /// <summary>Verifies a password against a stored hash in constant time.</summary>
    /// <param name="hashedPassword">The stored hash.</param>
    /// <param name="providedPassword">The password as typed.</param>
    /// <returns>Whether it matches, and whether the hash should be upgraded.</returns>
    PasswordVerificationResult VerifyHashedPassword(string hashedPassword, string providedPassword);
}
