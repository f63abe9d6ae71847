namespace TrendAccount.Sdk;

/// <summary>A product serial known to the vendor: its activation and the account it is linked to. Immutable.</summary>
public sealed record SerialRecord
{
    /// <summary>Gets the canonical serial (<see cref="SerialClassification.Serial"/>); unique.</summary>
    public required string Serial { get; init; }

    /// <summary>Gets the purchase channel of the serial.</summary>
    public required PurchaseChannel Channel { get; init; }

    /// <summary>Gets the product code the activation reported, such as <c>TIS-2017</c>.</summary>
    public string? ProductCode { get; init; }

    /// <summary>Gets when the program was installed and activated with this serial; <see langword="null"/> if never.</summary>
    public DateTimeOffset? ActivatedAt { get; init; }

    /// <summary>Gets the account the serial is registered to, if any.</summary>
    public Guid? AccountId { get; init; }

    /// <summary>Gets when the serial was linked to <see cref="AccountId"/>.</summary>
    public DateTimeOffset? LinkedAt { get; init; }

    /// <summary>Gets a value indicating whether the serial has been activated.</summary>
    public bool IsActivated => ActivatedAt is not null;
}
