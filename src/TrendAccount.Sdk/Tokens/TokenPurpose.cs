namespace TrendAccount.Sdk;

/// <summary>What a token may be used for. A token of one purpose is never accepted for another. Values are stable.</summary>
public enum TokenPurpose
{
    /// <summary>The "change your password now" link.</summary>
    PasswordReset = 1,

    /// <summary>A signed-in session.</summary>
    Session = 2,

    /// <summary>
    /// The "confirm your registration" link. Bound to no account yet: the record's <see cref="TokenRecord.AccountId"/>
    /// is the id the account will get, and <see cref="TokenRecord.Payload"/> holds the pending registration.
    /// </summary>
    RegistrationConfirmation = 3,
}
