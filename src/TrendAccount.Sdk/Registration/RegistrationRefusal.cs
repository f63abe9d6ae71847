namespace TrendAccount.Sdk;

/// <summary>The true reason behind a generic <see cref="RegistrationStatus.Failed"/>: logged, never returned.</summary>
internal enum RegistrationRefusal
{
    /// <summary>The address has an account and the password was not that account's password.</summary>
    ExistingAccountWrongPassword = 1,

    /// <summary>The address has an account that is locked out.</summary>
    ExistingAccountLockedOut = 2,

    /// <summary>Another registration of the same address won a race.</summary>
    DuplicateEmailRace = 3,

    /// <summary>The account disappeared between reading and linking.</summary>
    AccountVanished = 4,
}
