namespace TrendAccount.Sdk;

/// <summary>What recording one failed sign-in did. Values are stable.</summary>
public enum FailedSignInStatus
{
    /// <summary>The failure was counted; the account is not locked.</summary>
    Counted = 0,

    /// <summary>This failure reached the threshold and locked the account (exactly one caller sees this per lockout).</summary>
    LockedOut = 1,

    /// <summary>The account was already locked; nothing was counted.</summary>
    AlreadyLockedOut = 2,

    /// <summary>The account does not exist.</summary>
    NotFound = 3,
}
