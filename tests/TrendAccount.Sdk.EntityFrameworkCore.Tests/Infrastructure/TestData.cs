using System.Security.Cryptography;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Fresh, unique test values, so tests sharing one database never collide.</summary>
public static class TestData
{
    /// <summary>The instant every test clock starts at.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public static string NewSerial()
    {
        var hex = Convert.ToHexString(RandomNumberGenerator.GetBytes(10));
        return string.Join('-', Enumerable.Range(0, 5).Select(i => hex.Substring(i * 4, 4)));
    }

    public static string NewEmail() => $"user.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}@example.com";

    public static AccountRecord NewAccount(DateTimeOffset createdAt, string? email = null)
    {
        email ??= NewEmail();
        return new AccountRecord
        {
            Id = Guid.NewGuid(),
            Email = email,
            LookupKey = email.ToUpperInvariant(),
            PasswordHash = "hash-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            SecurityStamp = AccountRecord.NewSecurityStamp(),
            CreatedAt = createdAt,
        };
    }

    public static string NewDigest() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static TokenRecord NewToken(Guid accountId, DateTimeOffset issuedAt, TimeSpan lifetime, TokenPurpose purpose = TokenPurpose.PasswordReset) => new()
    {
        Digest = NewDigest(),
        AccountId = accountId,
        Purpose = purpose,
        SecurityStamp = AccountRecord.NewSecurityStamp(),
        IssuedAt = issuedAt,
        ExpiresAt = issuedAt + lifetime,
    };

    /// <summary>Activates a fresh serial and registers a fresh account with it.</summary>
    public static async Task<AccountRecord> CreateAccountAsync(IAccountStore store, DateTimeOffset now, string? email = null)
    {
        var serial = NewSerial();
        await store.RecordActivationAsync(serial, PurchaseChannel.Direct, "TIS-2017", now, CancellationToken.None);
        var account = NewAccount(now, email);
        var status = await store.CreateWithSerialAsync(account, serial, now, CancellationToken.None);
        Assert.Equal(StoreWriteStatus.Succeeded, status);
        return account;
    }

    /// <summary>Runs an operation from many callers at once, each on a thread-pool thread of its own.</summary>
    public static Task<T[]> InParallelAsync<T>(int callers, Func<int, Task<T>> operation)
    {
        var tasks = Enumerable.Range(0, callers)
            .Select(i => Task.Run(async () => await operation(i)))
            .ToArray();
        return Task.WhenAll(tasks);
    }
}
