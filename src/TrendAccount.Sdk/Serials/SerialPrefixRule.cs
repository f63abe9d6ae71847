namespace TrendAccount.Sdk;

/// <summary>A rule that maps serials starting with <see cref="Prefix"/> to a purchase channel.</summary>
public sealed class SerialPrefixRule
{
    /// <summary>Gets or sets the prefix (letters and digits, matched case-insensitively against the canonical serial).</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Gets or sets the channel serials with this prefix belong to.</summary>
    public PurchaseChannel Channel { get; set; } = PurchaseChannel.Reseller;

    /// <summary>Gets or sets whom a customer with such a serial should contact instead of the vendor, when the channel has no vendor account.</summary>
    public string? Contact { get; set; }
}
