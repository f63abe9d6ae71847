namespace TrendAccount.Sdk;

/// <summary>
/// Every text the SDK shows a customer, defaulting to the vendor support article's English wording.
/// Derive from this class and override members to reword or translate; register the derived class in DI.
/// Instances must be thread-safe (the defaults are constant).
/// </summary>
public class TrendAccountMessages
{
    /// <summary>Gets the shared default instance.</summary>
    public static TrendAccountMessages Default { get; } = new();

    /// <summary>Gets the one generic sign-in failure: "You did not provide the right information. Please try again."</summary>
    public virtual string WrongInformation => "You did not provide the right information. Please try again.";

    /// <summary>Gets the advice to retype: "Retype your email address and your password. Ensure there are no extra spaces or duplicate characters."</summary>
    public virtual string RetypeCredentials => "Retype your email address and your password. Ensure there are no extra spaces or duplicate characters.";

    /// <summary>Gets the password length rule for the given limits: "Your password should be between 8 and 50 characters long."</summary>
    /// <param name="minimumLength">The minimum length.</param>
    /// <param name="maximumLength">The maximum length.</param>
    /// <returns>The text.</returns>
    public virtual string PasswordLength(int minimumLength, int maximumLength) =>
        $"Your password should be between {minimumLength} and {maximumLength} characters long.";

    /// <summary>Gets the text for a password problem.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="options">The password options (for the limits).</param>
    /// <returns>The text.</returns>
    public virtual string DescribePasswordProblem(PasswordProblem problem, PasswordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return problem switch
        {
            PasswordProblem.TooShort or PasswordProblem.TooLong => PasswordLength(options.MinimumLength, options.MaximumLength),
            PasswordProblem.ConfirmationMismatch => "The new password and its confirmation do not match. Retype your new password in the Confirm new password field.",
            PasswordProblem.InvalidCharacters => "Your password contains characters that cannot be used.",
            PasswordProblem.Blocklisted => "This password is too common. Choose a password that is harder to guess.",
            PasswordProblem.ContainsAccountDetails => "Your password must not be your email address or serial number.",
            _ => "Choose a different password.",
        };
    }

    /// <summary>Gets the text for an email problem.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The text.</returns>
    public virtual string DescribeEmailProblem(EmailProblem problem) => problem switch
    {
        EmailProblem.Empty => "Type the email address you used to register your program.",
        EmailProblem.TooLong => "That email address is too long.",
        EmailProblem.InnerWhitespace => "Your email address contains spaces. Ensure there are no extra spaces.",
        EmailProblem.RepeatedSeparator => "Your email address contains duplicate characters. Ensure there are no duplicate characters.",
        _ => "Type a valid email address, such as name@example.com.",
    };

    /// <summary>Gets the text for a serial that is not well formed.</summary>
    public virtual string MalformedSerial => "Type the 20-character serial number of your program, such as PQRS-1234-5678-9012-3456.";

    /// <summary>Gets the reseller guidance for a serial sold by the given contact.</summary>
    /// <param name="contact">Whom to contact, such as "Best Buy or your Internet Service Provider (ISP)".</param>
    /// <returns>The text.</returns>
    public virtual string ResellerSerial(string contact) =>
        $"Your serial number shows that you purchased your program from a reseller. Contact {contact}. " +
        "A Trend Micro Account is only available for customers who purchased directly from our online store and other retail stores.";

    /// <summary>Gets the text for a serial that was not installed and activated yet.</summary>
    public virtual string NotActivated => "You must first install, then activate your Trend Micro Security for you to have a Trend Micro Account.";

    /// <summary>Gets the text telling a customer to contact Technical Support.</summary>
    public virtual string ContactSupport => "Contact our Technical Support for assistance.";
}
