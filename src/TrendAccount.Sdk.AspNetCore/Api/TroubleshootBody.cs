namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The body of <c>POST {prefix}/troubleshoot</c>: what a customer who cannot sign in can tell. Every member is optional.</summary>
public sealed class TroubleshootBody
{
    /// <summary>Gets the email address the customer typed when sign-in failed.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the product serial number, if the customer has it.</summary>
    public string? Serial { get; init; }

    /// <summary>Gets a value indicating whether the customer does not remember the password.</summary>
    public bool ForgotPassword { get; init; }

    /// <summary>Gets a value indicating whether the customer does not remember which address was used.</summary>
    public bool ForgotEmail { get; init; }

    /// <summary>Gets a value indicating whether the customer has no access to the registered mailbox any more.</summary>
    public bool NoAccessToMailbox { get; init; }

    /// <summary>Gets a value indicating whether the customer says the program is not yet installed and activated.</summary>
    public bool NotActivated { get; init; }

    /// <summary>Gets a value indicating whether the customer changed the email address since registering.</summary>
    public bool ChangedEmailAddress { get; init; }

    /// <summary>Gets the steps already tried without success (<c>TroubleshootingStepCode</c> names); an unknown name is a 400.</summary>
    public IReadOnlyList<string>? AlreadyTried { get; init; }
}
