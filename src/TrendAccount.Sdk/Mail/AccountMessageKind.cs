namespace TrendAccount.Sdk;

/// <summary>Which account email a message is. Values are stable.</summary>
public enum AccountMessageKind
{
    /// <summary>"Forgot which address you used before?": a reminder sent to the registered address.</summary>
    EmailReminder = 1,

    /// <summary>"Change your password now": the reset link.</summary>
    PasswordReset = 2,

    /// <summary>The password was changed.</summary>
    PasswordChanged = 3,

    /// <summary>The account was locked after repeated failed sign-ins.</summary>
    LockoutNotice = 4,

    /// <summary>"Confirm your registration": the single-use link that creates the account.</summary>
    RegistrationConfirmation = 5,

    /// <summary>Someone tried to register an address that already has an account: "sign in or reset your password".</summary>
    AccountExistsNotice = 6,
}
