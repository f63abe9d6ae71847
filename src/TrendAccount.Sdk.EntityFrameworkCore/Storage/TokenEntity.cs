namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>The row of one token digest (table <c>trend_tokens</c>).</summary>
internal sealed class TokenEntity
{
    public string Digest { get; set; } = string.Empty;

    public Guid AccountId { get; set; }

    public TokenPurpose Purpose { get; set; }

    public string SecurityStamp { get; set; } = string.Empty;

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }

    public string? Payload { get; set; }

    public static TokenEntity From(TokenRecord record) => new()
    {
        Digest = record.Digest,
        AccountId = record.AccountId,
        Purpose = record.Purpose,
        SecurityStamp = record.SecurityStamp,
        IssuedAt = record.IssuedAt,
        ExpiresAt = record.ExpiresAt,
        ConsumedAt = record.ConsumedAt,
        Payload = record.Payload,
    };

    public TokenRecord ToRecord() => new()
    {
        Digest = Digest,
        AccountId = AccountId,
        Purpose = Purpose,
        SecurityStamp = SecurityStamp,
        IssuedAt = IssuedAt,
        ExpiresAt = ExpiresAt,
        ConsumedAt = ConsumedAt,
        Payload = Payload,
    };
}
