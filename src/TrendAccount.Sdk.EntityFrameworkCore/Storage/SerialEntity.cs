namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>The row of one product serial (table <c>trend_serials</c>).</summary>
internal sealed class SerialEntity
{
    public string Serial { get; set; } = string.Empty;

    public PurchaseChannel Channel { get; set; }

    public string? ProductCode { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }

    public Guid? AccountId { get; set; }

    public DateTimeOffset? LinkedAt { get; set; }

    public SerialRecord ToRecord() => new()
    {
        Serial = Serial,
        Channel = Channel,
        ProductCode = ProductCode,
        ActivatedAt = ActivatedAt,
        AccountId = AccountId,
        LinkedAt = LinkedAt,
    };
}
