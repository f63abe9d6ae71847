namespace TrendAccount.Sdk;

/// <summary>The outcome of <see cref="IAccountService.RegisterAsync"/>. Values are stable and never renumbered.</summary>
/// <remarks>
/// Nothing here depends on whether the address has an account: an acceptable request always gets
/// <see cref="Accepted"/> ("check your email"), and the mailbox learns the rest. The serial statuses describe the
/// serial the customer holds, never an address.
/// </remarks>
public enum RegistrationStatus
{
    /// <summary>The serial number is not well formed.</summary>
    MalformedSerial = 2,

    /// <summary>The serial was sold by a reseller (prefix <c>T</c>): no vendor account; contact the reseller.</summary>
    ResellerSerial = 3,

    /// <summary>The program was not installed and activated with this serial yet.</summary>
    SerialNotActivated = 4,

    /// <summary>The serial is already registered to an account.</summary>
    SerialAlreadyRegistered = 5,

    /// <summary>The email address is not usable; see <see cref="RegistrationResult.EmailProblem"/>.</summary>
    InvalidEmail = 6,

    /// <summary>The password breaks the policy; see <see cref="RegistrationResult.PasswordProblems"/>.</summary>
    InvalidPassword = 7,

    /// <summary>
    /// The request was acceptable: "check your email". A new address gets a confirmation link (the account exists
    /// once it is used, <see cref="IAccountService.ConfirmRegistrationAsync"/>); an address with an account gets a
    /// notice instead. The same answer either way.
    /// </summary>
    Accepted = 9,

    /// <summary>The captcha was not solved; nothing was looked up or counted.</summary>
    CaptchaFailed = 10,

    /// <summary>This client sent too many registrations; try again later. Says nothing about the address.</summary>
    TooManyAttempts = 11,
}
