namespace TrendAccount.Sdk;

/// <summary>The outcome of <see cref="IAccountService.RegisterAsync"/>. Values are stable and never renumbered.</summary>
public enum RegistrationStatus
{
    /// <summary>A new account was created and the serial linked to it.</summary>
    Succeeded = 0,

    /// <summary>The address already had an account, the password was that account's password, and the serial is now linked to it.</summary>
    LinkedToExistingAccount = 1,

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
    /// The generic refusal: the details could not be registered. Deliberately vague, so registration never
    /// reveals which addresses have accounts.
    /// </summary>
    Failed = 8,
}
