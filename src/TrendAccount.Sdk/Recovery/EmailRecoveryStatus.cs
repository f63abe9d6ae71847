namespace TrendAccount.Sdk;

/// <summary>The outcome of <see cref="IAccountService.RecoverEmailAsync"/>. Values are stable and never renumbered.</summary>
public enum EmailRecoveryStatus
{
    /// <summary>The serial is registered: a reminder was sent to the address, and the masked address is shown unless disclosure is off.</summary>
    Succeeded = 0,

    /// <summary>The captcha was not solved; nothing was looked up or sent.</summary>
    CaptchaFailed = 1,

    /// <summary>Too many look-ups from this client; nothing was looked up or sent.</summary>
    RateLimited = 2,

    /// <summary>The serial number is not well formed.</summary>
    MalformedSerial = 3,

    /// <summary>The serial was sold by a reseller: no vendor account; contact the reseller.</summary>
    ResellerSerial = 4,

    /// <summary>The serial is unknown or the program was not installed and activated with it: install and activate first.</summary>
    SerialNotActivated = 5,

    /// <summary>The program was activated, but no account is registered with the serial yet.</summary>
    SerialNotRegistered = 6,
}
