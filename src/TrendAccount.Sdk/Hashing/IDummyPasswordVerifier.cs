namespace TrendAccount.Sdk;

/// <summary>
/// An optional capability of an <see cref="IPasswordHasher"/> (check it with <c>is</c>): spending exactly the work of
/// one verification at the current settings when there is no account to verify against, so an unknown email
/// costs the same as a wrong password. Implementations are thread-safe.
/// </summary>
public interface IDummyPasswordVerifier
{
    /// <summary>
    /// Verifies a password against a dummy hash made when the hasher was created (current format, work factor and
    /// pepper), and discards the outcome: the same work as a wrong password against a current hash. Never throws.
    /// </summary>
    /// <param name="providedPassword">The password as typed.</param>
    /// <returns>Always <see cref="PasswordVerificationResult.Failed"/>.</returns>
    PasswordVerificationResult VerifyDummyHash(string? providedPassword);
}
