namespace TrendAccount.Sdk;

/// <summary>What a customer who cannot sign in can tell. Every member is optional. Immutable.</summary>
public sealed class TroubleshootingRequest
{
    /// <summary>Gets the email address the customer typed when sign-in failed, if any.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the product serial number, if the customer has it.</summary>
    public string? Serial { get; init; }

    /// <summary>Gets a value indicating whether the customer does not remember the password.</summary>
    public bool ForgotPassword { get; init; }

    /// <summary>Gets a value indicating whether the customer does not remember which address was used.</summary>
    public bool ForgotEmail { get; init; }

    /// <summary>Gets a value indicating whether the customer has no access to the registered mailbox any more.</summary>
    public bool NoAccessToMailbox { get; init; }

    /// <summary>
    /// Gets a value indicating whether the customer says the program is not yet installed and activated (the article's
    /// third scenario): the answer is to install and activate it first, since an account exists only after that. The
    /// troubleshooter does not look the serial up to find this out (anyone could ask); "forgot which address" tells it,
    /// behind its captcha.
    /// </summary>
    public bool NotActivated { get; init; }

    /// <summary>Gets a value indicating whether the customer has changed the email address since registering.</summary>
    public bool ChangedEmailAddress { get; init; }

    /// <summary>Gets the steps the customer already tried without success; they are not recommended again.</summary>
    public IReadOnlyCollection<TroubleshootingStepCode> AlreadyTried { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => "TroubleshootingRequest(***)";
}
