namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>The row of one account (table <c>trend_accounts</c>).</summary>
internal sealed class AccountEntity
{
    public Guid Id { get; set; }

    public string Email { get; set; } = string.Empty;

    public string LookupKey { get; set; } = string.Empty;

    public string PasswordHash { get; set; } = string.Empty;

    public string SecurityStamp { get; set; } = string.Empty;

    public int FailedSignInCount { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The optimistic concurrency token: bumped by every write the stores make.</summary>
    public long Version { get; set; }

    public static AccountEntity From(AccountRecord record) => new()
    {
        Id = record.Id,
        Email = record.Email,
        LookupKey = record.LookupKey,
        PasswordHash = record.PasswordHash,
        SecurityStamp = record.SecurityStamp,
        FailedSignInCount = record.FailedSignInCount,
        LockoutEnd = record.LockoutEnd,
        CreatedAt = record.CreatedAt,
        Version = 1,
    };

    public AccountRecord ToRecord() => new()
    {
        Id = Id,
        Email = Email,
        LookupKey = LookupKey,
        PasswordHash = PasswordHash,
        SecurityStamp = SecurityStamp,
        FailedSignInCount = FailedSignInCount,
        LockoutEnd = LockoutEnd,
        CreatedAt = CreatedAt,
    };
}
