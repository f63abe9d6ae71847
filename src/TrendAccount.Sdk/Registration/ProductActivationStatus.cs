namespace TrendAccount.Sdk;

/// <summary>The outcome of <see cref="IAccountService.ActivateProductAsync"/>. Values are stable and never renumbered.</summary>
public enum ProductActivationStatus
{
    /// <summary>The activation was recorded; the customer can now create a vendor account with the serial.</summary>
    Succeeded = 0,

    /// <summary>The activation was recorded, but the serial was sold by a reseller and never gets a vendor account.</summary>
    SucceededWithoutAccount = 1,

    /// <summary>The serial number is not well formed; nothing was recorded.</summary>
    MalformedSerial = 2,

    /// <summary>The product code is too long or holds control characters; nothing was recorded.</summary>
    InvalidProductCode = 3,
}
