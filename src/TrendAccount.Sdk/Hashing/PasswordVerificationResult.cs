namespace TrendAccount.Sdk;

/// <summary>The outcome of <see cref="IPasswordHasher.VerifyHashedPassword"/>.</summary>
public enum PasswordVerificationResult
{
    /// <summary>The password does not match, or the stored hash is unusable.</summary>
    Failed = 0,

    /// <summary>The password matches.</summary>
    Success = 1,

    /// <summary>The password matches, and the hash should be replaced with a fresh one (lower cost, old pepper, legacy format).</summary>
    SuccessRehashNeeded = 2,
}
