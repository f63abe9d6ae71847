namespace TrendAccount.Sdk;

/// <summary>A step the troubleshooter can recommend. Values are stable and never renumbered; hosts may key their own UI on them.</summary>
public enum TroubleshootingStepCode
{
    /// <summary>Retype the email address and password with no extra spaces or duplicate characters.</summary>
    RetypeCredentials = 1,

    /// <summary>"Forgot which address you used before?": recover the address with the serial number ("Check Now").</summary>
    RecoverEmailBySerial = 2,

    /// <summary>"Forgot your password?": have a "change your password now" link mailed ("Retrieve").</summary>
    ResetPassword = 3,

    /// <summary>The serial starts with <c>T</c>: contact Best Buy or the Internet Service Provider.</summary>
    ContactReseller = 4,

    /// <summary>Install, then activate the program first: an account exists only after that.</summary>
    InstallAndActivate = 5,

    /// <summary>Only Technical Support can help (changed address and forgotten password, or no access to the old mailbox).</summary>
    ContactTechnicalSupport = 6,

    /// <summary>The serial number was not typed correctly: retype it.</summary>
    RetypeSerial = 7,

    /// <summary>The program is activated but no account is registered with the serial yet: create the account.</summary>
    CreateAccount = 8,
}
