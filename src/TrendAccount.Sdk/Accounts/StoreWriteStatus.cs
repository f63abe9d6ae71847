namespace TrendAccount.Sdk;

/// <summary>The outcome of a store write. A write that does not succeed changes nothing. Values are stable.</summary>
public enum StoreWriteStatus
{
    /// <summary>The write was applied.</summary>
    Succeeded = 0,

    /// <summary>The account or serial does not exist.</summary>
    NotFound = 1,

    /// <summary>The record changed since it was read (a lost race); nothing was written.</summary>
    Conflict = 2,

    /// <summary>Another account already has this lookup key.</summary>
    DuplicateEmail = 3,

    /// <summary>The serial is already linked to an account.</summary>
    SerialAlreadyLinked = 4,

    /// <summary>The serial has not been activated.</summary>
    SerialNotActivated = 5,
}
