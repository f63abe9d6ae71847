namespace TrendAccount.Sdk;

/// <summary>The true reason behind a failed sign-in: logged and counted, never returned to the caller.</summary>
internal enum SignInFailure
{
    /// <summary>The email address or password could not be used (empty, malformed, oversized).</summary>
    InvalidInput = 1,

    /// <summary>No account has this address.</summary>
    UnknownEmail = 2,

    /// <summary>The password is wrong.</summary>
    WrongPassword = 3,

    /// <summary>The account is locked out (the password was not checked against the account).</summary>
    LockedOut = 4,
}
