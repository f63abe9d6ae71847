namespace TrendAccount.Sdk.Tests.Infrastructure;

/// <summary>
/// The real hasher at cost 4, except that a verification of <see cref="BlockingPassword"/> holds its thread until
/// the test releases it, so a test can fill the verification slots and watch the admission decisions.
/// </summary>
public sealed class BlockingPasswordHasher : IPasswordHasher
{
    public const string BlockingPassword = "block this verification";

    private readonly IPasswordHasher _inner = new BcryptPasswordHasher(new HashingOptions { WorkFactor = 4, AllowInsecureWorkFactorForTesting = true });
    private readonly SemaphoreSlim _release = new(0);
    private int _blocked;

    /// <summary>Gets the verifications holding their thread now.</summary>
    public int Blocked => Volatile.Read(ref _blocked);

    public string HashPassword(string password) => _inner.HashPassword(password);

    public PasswordVerificationResult VerifyHashedPassword(string hashedPassword, string providedPassword)
    {
        if (providedPassword == BlockingPassword)
        {
            Interlocked.Increment(ref _blocked);
            _release.Wait();
            Interlocked.Decrement(ref _blocked);
        }

        return _inner.VerifyHashedPassword(hashedPassword, providedPassword);
    }

    /// <summary>Lets this many blocked verifications go on.</summary>
    public void Release(int count = 1) => _release.Release(count);

    /// <summary>Yields until the condition holds (state handed between threads; no clock involved).</summary>
    public static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100_000 && !condition(); i++)
        {
            await Task.Yield();
        }

        Assert.True(condition(), "the expected state was never reached");
    }
}
