namespace TrendAccount.Sdk;

/// <summary>Where a serial number was bought, as far as its prefix tells.</summary>
public enum PurchaseChannel
{
    /// <summary>Not known (the serial is not well formed).</summary>
    Unknown = 0,

    /// <summary>The vendor's online store or another retail store: accounts are supported.</summary>
    Direct = 1,

    /// <summary>A reseller such as Best Buy or an Internet Service Provider: no vendor account; contact the reseller.</summary>
    Reseller = 2,
}
