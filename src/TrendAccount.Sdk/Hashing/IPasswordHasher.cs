namespace TrendAccount.Sdk;

/// <summary>Hashes and verifies passwords. Implementations are thread-safe and never throw on user input or stored data.</summary>
public interface IPasswordHasher
{
    /// <summary>Hashes a password for storage.</summary>
    /// <param name="password">The password as typed; implementations normalize it to NFKC.</param>
    /// <returns>A self-describing hash string.</returns>
    string HashPassword(string password);

    /// <summary>Verifies a password against a stored hash in constant time.</summary>
    /// <param name="hashedPassword">The stored hash.</param>
    /// <param name="providedPassword">The password as typed.</param>
    /// <returns>Whether it matches, and whether the hash should be upgraded.</returns>
    PasswordVerificationResult VerifyHashedPassword(string hashedPassword, string providedPassword);
}
