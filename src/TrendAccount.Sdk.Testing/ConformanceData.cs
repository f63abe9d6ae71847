namespace TrendAccount.Sdk.Testing;

/// <summary>
/// Test data for the specifications. Every value is unique per call, so tests never collide even when a
/// subclass shares one store (one database) between tests that run in parallel. Every instant is UTC and a
/// whole second, which every database keeps exactly; only boundary tests step by the store's resolution.
/// </summary>
internal static class ConformanceData
{
    /// <summary>The calls made at once by the concurrency tests.</summary>
    public const int ParallelCallers = 100;

    /// <summary>The "now" every test starts from: a fixed instant, never a clock read.</summary>
    public static readonly DateTimeOffset Origin = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    /// <summary>Creates a canonical direct-channel serial (<c>XXXX-XXXX-XXXX-XXXX-XXXX</c>, upper-case hex; never starts with <c>T</c>).</summary>
    /// <returns>A new serial.</returns>
    public static string NewSerial()
    {
        var hex = Guid.NewGuid().ToString("N").ToUpperInvariant();
        return $"{hex[..4]}-{hex[4..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}";
    }

    /// <summary>Creates an account that is not stored yet, with a mixed-case email and its lower-case lookup key.</summary>
    /// <param name="lookupKey">A lookup key to reuse, or <see langword="null"/> for a new one.</param>
    /// <returns>A new account record.</returns>
    public static AccountRecord NewAccount(string? lookupKey = null)
    {
        var unique = Guid.NewGuid().ToString("N");
        var key = lookupKey ?? $"conformance.{unique}@example.test";
        return new AccountRecord
        {
            Id = Guid.NewGuid(),
            Email = char.ToUpperInvariant(key[0]) + key[1..],
            LookupKey = key,
            PasswordHash = NewPasswordHash(),
            SecurityStamp = AccountRecord.NewSecurityStamp(),
            CreatedAt = Origin,
        };
    }

    /// <summary>Creates a stand-in password hash (stores keep hashes opaque).</summary>
    /// <returns>A new hash string.</returns>
    /// <summary>A random digest in the stored format: 64 lower-case hex characters, as a token's SHA-256.</summary>
    public static string NewDigest() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();

    public static string NewPasswordHash() => "$2b$04$conformance." + Guid.NewGuid().ToString("N");

    /// <summary>Creates a token record that is not stored yet.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="expiresAt">The expiry; issued one hour before.</param>
    /// <returns>A new, unconsumed token record.</returns>
    public static TokenRecord NewToken(Guid accountId, TokenPurpose purpose, DateTimeOffset expiresAt) => new()
    {
        Digest = NewDigest(),
        AccountId = accountId,
        Purpose = purpose,
        SecurityStamp = AccountRecord.NewSecurityStamp(),
        IssuedAt = expiresAt.AddHours(-1),
        ExpiresAt = expiresAt,
    };

    /// <summary>
    /// Runs <paramref name="callers"/> calls at once on the thread pool: every call waits on one gate that opens
    /// only when all of them are queued, so they really race.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="callers">The number of calls.</param>
    /// <param name="call">The call, given its index.</param>
    /// <returns>The results, in index order.</returns>
    public static async Task<T[]> RunConcurrentlyAsync<T>(int callers, Func<int, Task<T>> call)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = new Task<T>[callers];
        for (var i = 0; i < callers; i++)
        {
            var index = i;
            tasks[i] = Task.Run(async () =>
            {
                await gate.Task;
                return await call(index);
            });
        }

        gate.SetResult();
        return await Task.WhenAll(tasks);
    }
}
