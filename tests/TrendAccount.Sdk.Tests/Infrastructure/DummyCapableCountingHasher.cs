namespace TrendAccount.Sdk.Tests.Infrastructure;

/// <summary>A spy hasher that also offers <see cref="IDummyPasswordVerifier"/>, counting each kind of call.</summary>
public sealed class DummyCapableCountingHasher : IPasswordHasher, IDummyPasswordVerifier
{
    private readonly BcryptPasswordHasher _inner = new(new HashingOptions { WorkFactor = 4, AllowInsecureWorkFactorForTesting = true });
    private int _verifications;
    private int _dummyVerifications;

    public int VerifyCalls => Volatile.Read(ref _verifications);

    public int DummyCalls => Volatile.Read(ref _dummyVerifications);

    public string HashPassword(string password) => _inner.HashPassword(password);

    public PasswordVerificationResult VerifyHashedPassword(string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(hashedPassword, providedPassword);
    }

    public PasswordVerificationResult VerifyDummyHash(string? providedPassword)
    {
        Interlocked.Increment(ref _dummyVerifications);
        return _inner.VerifyDummyHash(providedPassword);
    }
}
