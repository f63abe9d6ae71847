namespace TrendAccount.Sdk;

/// <summary>The outcome of <see cref="IAccountService.ConfirmRegistrationAsync"/>. Values are stable and never renumbered.</summary>
public enum ConfirmRegistrationStatus
{
    /// <summary>The account was created and the serial linked to it.</summary>
    Succeeded = 0,

    /// <summary>The link is unknown, expired or already used.</summary>
    InvalidLink = 1,

    /// <summary>The serial was registered to an account after the link was sent; nothing was created.</summary>
    SerialAlreadyRegistered = 2,

    /// <summary>
    /// The address got an account after the link was sent (another confirmation won); nothing was created. Only the
    /// mailbox's owner holds the link, so saying so reveals nothing to anyone else.
    /// </summary>
    AccountAlreadyExists = 3,
}
