namespace TrendAccount.Sdk.Tests.Infrastructure;

/// <summary>A spy around the real hasher: counts every call and remembers which hashes were verified against.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher
{
    private readonly IPasswordHasher _inner;
    private readonly List<string> _verifiedHashes = [];
    private int _hashes;
    private int _verifications;

    public CountingPasswordHasher(IPasswordHasher inner) => _inner = inner;

    public int HashCalls => Volatile.Read(ref _hashes);

    public int VerifyCalls => Volatile.Read(ref _verifications);

    /// <summary>Gets or sets a value indicating whether successful verifications report <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>.</summary>
    public bool ForceRehash { get; set; }

    public IReadOnlyList<string> VerifiedHashes
    {
        get
        {
            lock (_verifiedHashes)
            {
                return _verifiedHashes.ToArray();
            }
        }
    }

    public string HashPassword(string password)
    {
        Interlocked.Increment(ref _hashes);
        return _inner.HashPassword(password);
    }

    public PasswordVerificationResult VerifyHashedPassword(string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        lock (_verifiedHashes)
        {
            _verifiedHashes.Add(hashedPassword);
        }

        var result = _inner.VerifyHashedPassword(hashedPassword, providedPassword);
        return ForceRehash && result == PasswordVerificationResult.Success ? PasswordVerificationResult.SuccessRehashNeeded : result;
    }
}
