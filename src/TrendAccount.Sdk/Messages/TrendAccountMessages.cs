using System.Globalization;

namespace TrendAccount.Sdk;

/// <summary>
/// Every text the SDK shows a customer, defaulting to the vendor support article's English wording.
/// Derive from this class and override members to reword or translate; register the derived class in DI.
/// Instances must be thread-safe (the defaults are constant).
/// </summary>
/// <remarks>
/// Mail bodies come in text and HTML; the default HTML bodies HTML-encode every value they interpolate, and an
/// override must do the same. Texts never say whether an email address has an account.
/// </remarks>
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

    /// <summary>
    /// Gets the text for a new password known from a data breach: "This password has appeared in a data breach on
    /// another website, so it is not safe to use. Choose a different password." It asks for another password and never
    /// says how often the password was seen.
    /// </summary>
    public virtual string BreachedPassword =>
        "This password has appeared in a data breach on another website, so it is not safe to use. Choose a different password.";

    /// <summary>
    /// Gets the text for a new password that could not be checked against known breaches while the check fails closed:
    /// "We could not check your new password right now. Please try again in a few minutes."
    /// </summary>
    public virtual string BreachCheckUnavailable => "We could not check your new password right now. Please try again in a few minutes.";

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
            PasswordProblem.Breached => BreachedPassword,
            PasswordProblem.BreachCheckUnavailable => BreachCheckUnavailable,
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

    /// <summary>Gets the text shown after a successful sign-in.</summary>
    public virtual string SignedIn => "You are signed in to your Trend Micro Account.";

    /// <summary>Gets the text for a recorded activation.</summary>
    public virtual string ProductActivated => "Your Trend Micro program is installed and activated. You can now create your Trend Micro Account with its serial number.";

    /// <summary>Gets the text for a recorded activation of a reseller serial, which never gets a vendor account.</summary>
    /// <param name="contact">Whom to contact, such as "Best Buy or your Internet Service Provider (ISP)".</param>
    /// <returns>The text.</returns>
    public virtual string ProductActivatedWithoutAccount(string contact) =>
        $"Your Trend Micro program is installed and activated. For account questions, contact {contact}: " +
        "a Trend Micro Account is only available for customers who purchased directly from our online store and other retail stores.";

    /// <summary>Gets the text for a product code that cannot be recorded.</summary>
    public virtual string InvalidProductCode => "The product code is not valid.";

    /// <summary>Gets the text for a new account.</summary>
    public virtual string Registered => "Your Trend Micro Account is ready. Click Sign In.";

    /// <summary>Gets the text for a serial already registered to an account.</summary>
    public virtual string SerialAlreadyRegistered =>
        "This serial number is already registered to a Trend Micro Account. If you forgot which address you used, click the Forgot which address you used before? link.";

    /// <summary>
    /// Gets the answer to every acceptable registration, whether or not the address has an account: the mailbox
    /// gets either the confirmation link or a "you already have an account" notice.
    /// </summary>
    public virtual string RegistrationAccepted =>
        "Check your email to finish creating your Trend Micro Account. The link in it works once.";

    /// <summary>Gets the one answer for an unknown, expired or used registration link.</summary>
    public virtual string RegistrationLinkInvalid =>
        "This link to confirm your registration is no longer valid. Register again to get a new one.";

    /// <summary>Gets the answer when a confirmed address already has an account (only the mailbox's owner sees it).</summary>
    public virtual string AccountAlreadyExists =>
        "You already have a Trend Micro Account with this email address. Sign in, or click the Forgot your password? link.";

    /// <summary>Gets the text for a captcha that was not solved.</summary>
    public virtual string CaptchaFailed => "Type the characters shown, then try again.";

    /// <summary>
    /// Gets the sign-in step-up text: the address has had many failed sign-ins from unrecognized devices, so this
    /// device must also solve the captcha. The same for an address with or without an account.
    /// </summary>
    public virtual string SignInCaptchaRequired => "For your security, type the characters shown, then sign in again.";

    /// <summary>Gets the text for a sign-in deferred because the service is busy or the client is over its sign-in limit; the same for every address.</summary>
    public virtual string TryAgainShortly => "We are busy right now. Please try again in a few seconds.";

    /// <summary>Gets the text for a client over a rate limit.</summary>
    public virtual string TooManyAttempts => "Too many attempts. Please wait a few minutes and try again.";

    /// <summary>Gets the text showing the address registered with a serial.</summary>
    /// <param name="maskedEmail">The masked address, such as <c>j***n@e*****e.com</c>.</param>
    /// <returns>The text.</returns>
    public virtual string EmailRecovered(string maskedEmail) =>
        $"Your Trend Micro Account uses the email address {maskedEmail}. We also sent a reminder to that address.";

    /// <summary>Gets the text when the address is mailed but not shown (<see cref="RecoveryOptions.DiscloseMaskedEmail"/> off).</summary>
    public virtual string EmailReminderSent => "We sent a reminder to the email address registered with this serial number. Check your email.";

    /// <summary>Gets the text for an activated serial with no account yet.</summary>
    public virtual string SerialNotRegistered =>
        "No Trend Micro Account is registered with this serial number yet. Create your Trend Micro Account with it.";

    /// <summary>Gets the answer to every accepted password-reset request, whether or not the address has an account.</summary>
    public virtual string PasswordResetRequested => "Check your email to reset your account password.";

    /// <summary>Gets "Password Changed", shown after a reset; the next step is "Sign In".</summary>
    public virtual string PasswordChanged => "Password Changed. Click Sign In to sign in with your new password.";

    /// <summary>Gets the one answer for an unknown, expired, used or replaced reset link.</summary>
    public virtual string ResetLinkInvalid =>
        "This link to change your password is no longer valid. Click Forgot your password? to get a new one.";

    /// <summary>Gets the text for a session that is missing or over.</summary>
    public virtual string NotSignedIn => "Your session has ended. Sign in again.";

    /// <summary>Gets the text for a wrong current password when changing it.</summary>
    public virtual string CurrentPasswordIncorrect => "Your current password is not correct. Please try again.";

    /// <summary>Gets the text for a password change that lost a race with another change.</summary>
    public virtual string PasswordChangeConflict => "Your password was changed at the same time from somewhere else. Sign in again and retry.";

    /// <summary>Describes what was noticed about an input, for "check for extra spaces" advice; empty when nothing was.</summary>
    /// <param name="hints">The hints.</param>
    /// <returns>The text, or an empty string.</returns>
    public virtual string DescribeHints(InputHints hints)
    {
        var parts = new List<string>();
        if ((hints & (InputHints.SurroundingWhitespace | InputHints.InnerWhitespace)) != 0)
        {
            parts.Add("What you typed had extra spaces.");
        }

        if ((hints & InputHints.RepeatedSeparator) != 0)
        {
            parts.Add("What you typed had duplicate characters.");
        }

        if ((hints & InputHints.WideCharacters) != 0)
        {
            parts.Add("What you typed had full-width characters; check your keyboard's input mode.");
        }

        if ((hints & (InputHints.InvisibleCharacters | InputHints.ControlCharacters)) != 0)
        {
            parts.Add("What you typed had invisible characters; type it again instead of pasting it.");
        }

        return string.Join(" ", parts);
    }

    /// <summary>Gets the "change your password now" email, written once for its text and HTML bodies.</summary>
    /// <param name="link">The reset link.</param>
    /// <param name="lifetime">How long the link works.</param>
    /// <returns>The mail.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="link"/> is <see langword="null"/>.</exception>
    public virtual MailTemplate PasswordResetMail(Uri link, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new MailTemplate(
            "Reset your Trend Micro Account password",
            [
                "We received a request to reset the password of your Trend Micro Account.",
                $"The link works once, for {DescribeDuration(lifetime)}. A new window will open asking for your new password.",
                "If you did not ask to reset your password, ignore this email: your password stays the same.",
            ],
            link,
            "Change your password now");
    }

    /// <summary>Gets the "confirm your registration" email, written once for its text and HTML bodies.</summary>
    /// <param name="link">The confirmation link.</param>
    /// <param name="lifetime">How long the link works.</param>
    /// <returns>The mail.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="link"/> is <see langword="null"/>.</exception>
    public virtual MailTemplate RegistrationConfirmationMail(Uri link, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new MailTemplate(
            "Confirm your Trend Micro Account",
            [
                "Someone registered a Trend Micro program with this email address. Confirm it to create your Trend Micro Account.",
                $"The link works once, for {DescribeDuration(lifetime)}.",
                "If it was not you, ignore this email: no account is created.",
            ],
            link,
            "Confirm your registration");
    }

    /// <summary>Gets the notice sent when someone registers an address that already has an account.</summary>
    /// <returns>The mail.</returns>
    public virtual MailTemplate AccountExistsNoticeMail() =>
        new(
            "You already have a Trend Micro Account",
            [
                "Someone tried to register a Trend Micro program with this email address, but you already have a Trend Micro Account.",
                "Sign in with it, or click the Forgot your password? link if you do not remember the password. Nothing was changed.",
                "If it was not you, ignore this email.",
            ]);

    /// <summary>Gets the email-address reminder, written once for its text and HTML bodies.</summary>
    /// <param name="email">The registered address (the recipient).</param>
    /// <param name="maskedSerial">The serial, masked (<c>PQRS-****-****-****-3456</c>).</param>
    /// <returns>The mail.</returns>
    public virtual MailTemplate EmailReminderMail(string email, string maskedSerial) =>
        new(
            "Your Trend Micro Account email address",
            [
                $"Someone asked which email address is registered with the Trend Micro serial number {maskedSerial}.",
                $"It is this address: {email}",
                "Use it to sign in to your Trend Micro Account. If you forgot your password, click the Forgot your password? link.",
            ]);

    /// <summary>Gets the "password changed" notice, written once for its text and HTML bodies.</summary>
    /// <param name="changedAt">When the password was changed.</param>
    /// <returns>The mail.</returns>
    public virtual MailTemplate PasswordChangedMail(DateTimeOffset changedAt) =>
        new(
            "Your Trend Micro Account password was changed",
            [
                $"The password of your Trend Micro Account was changed on {FormatInstant(changedAt)}. Every other session was signed out.",
                "If you did not change it, click the Forgot your password? link now, or contact our Technical Support for assistance.",
            ]);

    /// <summary>Gets the lockout notice, written once for its text and HTML bodies.</summary>
    /// <param name="failedAttempts">How many failed sign-ins locked the account.</param>
    /// <param name="lockoutEnd">When the lockout ends.</param>
    /// <returns>The mail.</returns>
    public virtual MailTemplate LockoutNoticeMail(int failedAttempts, DateTimeOffset lockoutEnd) =>
        new(
            "Your Trend Micro Account is temporarily locked",
            [
                $"After {failedAttempts} sign-in attempts with a wrong password, your Trend Micro Account is locked until {FormatInstant(lockoutEnd)}.",
                "If it was you, wait and sign in again, or click the Forgot your password? link to change it now. If it was not you, change your password.",
            ]);

    /// <summary>Gets the title of a troubleshooting step.</summary>
    /// <param name="code">The step.</param>
    /// <returns>The title.</returns>
    public virtual string TroubleshootingStepTitle(TroubleshootingStepCode code) => code switch
    {
        TroubleshootingStepCode.RetypeCredentials => "Retype your email address and password",
        TroubleshootingStepCode.RecoverEmailBySerial => "Forgot which address you used before?",
        TroubleshootingStepCode.ResetPassword => "Forgot your password?",
        TroubleshootingStepCode.ContactReseller => "You purchased the program from Best Buy or ISP",
        TroubleshootingStepCode.InstallAndActivate => "Your program is not yet installed and activated",
        TroubleshootingStepCode.ContactTechnicalSupport => "Contact Technical Support",
        TroubleshootingStepCode.RetypeSerial => "Check your serial number",
        TroubleshootingStepCode.CreateAccount => "Create your Trend Micro Account",
        _ => "Contact Technical Support",
    };

    /// <summary>Gets the instructions of a troubleshooting step, in the support article's words.</summary>
    /// <param name="code">The step.</param>
    /// <param name="hints">What was noticed about the input (for <see cref="TroubleshootingStepCode.RetypeCredentials"/>).</param>
    /// <param name="resellerContact">Whom a reseller customer contacts (for <see cref="TroubleshootingStepCode.ContactReseller"/>).</param>
    /// <param name="password">The password options (for the length rule).</param>
    /// <returns>The instructions.</returns>
    public virtual string TroubleshootingStepInstructions(TroubleshootingStepCode code, InputHints hints, string? resellerContact, PasswordOptions password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return code switch
        {
            TroubleshootingStepCode.RetypeCredentials => string.Join(" ", new[] { RetypeCredentials, DescribeHints(hints) }.Where(s => s.Length > 0)),
            TroubleshootingStepCode.RecoverEmailBySerial =>
                "To retrieve your forgotten email address: go to Trend Micro Account, click the Forgot which address you used before? link, " +
                "provide your Trend Micro serial number, then click Check Now.",
            TroubleshootingStepCode.ResetPassword =>
                "To retrieve your forgotten password: go to Trend Micro Account and click the Forgot your password? link. " +
                "Type the email address you used to register your program, type the characters shown, then click Retrieve. " +
                "Open the email from Trend Micro and click change your password now. Type your new password in the New password field " +
                $"and again in the Confirm new password field. {PasswordLength(password.MinimumLength, password.MaximumLength)} " +
                "Make sure to remember your password. Click Update Password, then click Sign In.",
            TroubleshootingStepCode.ContactReseller => ResellerSerial(resellerContact ?? SerialOptions.DefaultResellerContact),
            TroubleshootingStepCode.InstallAndActivate => NotActivated,
            TroubleshootingStepCode.ContactTechnicalSupport =>
                "If you cannot remember your password and you have already changed your email address, or you forgot your password and " +
                "no longer have access to your old email address, contact our Technical Support for assistance. Have your serial number ready.",
            TroubleshootingStepCode.RetypeSerial => MalformedSerial,
            TroubleshootingStepCode.CreateAccount => SerialNotRegistered,
            _ => ContactSupport,
        };
    }

    /// <summary>Gets why only Technical Support can help, for the support case.</summary>
    /// <param name="changedEmailAddress">The customer changed the email address.</param>
    /// <param name="noAccessToMailbox">The customer has no access to the old mailbox.</param>
    /// <returns>The text.</returns>
    public virtual string SupportCaseReason(bool changedEmailAddress, bool noAccessToMailbox) =>
        noAccessToMailbox
            ? "The customer forgot the password and no longer has access to the old email address."
            : changedEmailAddress
                ? "The customer cannot remember the password and has already changed the email address."
                : "The customer tried every self-service step without success.";

    /// <summary>
    /// Gets the one-paragraph support-case summary a host can paste into a case: the reason, the serial, the masked
    /// address and what was tried, each step named by its <see cref="TroubleshootingStepTitle"/>.
    /// </summary>
    /// <param name="reason">Why only Technical Support can help (<see cref="SupportCaseReason"/>).</param>
    /// <param name="serial">The canonical serial, or <see langword="null"/> when none was given.</param>
    /// <param name="maskedEmail">The masked address, or <see langword="null"/> when none was given.</param>
    /// <param name="tried">What the customer tried or cannot do.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> or <paramref name="tried"/> is <see langword="null"/>.</exception>
    public virtual string SupportCaseText(string reason, string? serial, string? maskedEmail, IReadOnlyList<TroubleshootingStepCode> tried)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(tried);
        var steps = tried.Count == 0 ? "nothing yet" : string.Join("; ", tried.Select(TroubleshootingStepTitle));
        return $"{reason} Serial number: {serial ?? "not given"}. Email address: {maskedEmail ?? "not given"}. Tried or not possible: {steps}.";
    }

    /// <summary>Formats an instant for a customer: UTC, <c>yyyy-MM-dd HH:mm UTC</c>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The text.</returns>
    protected virtual string FormatInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Formats a duration for a customer, such as "30 minutes" or "2 hours".</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The text.</returns>
    protected virtual string DescribeDuration(TimeSpan duration) =>
        duration.TotalMinutes < 120
            ? $"{Math.Max(1, (int)Math.Round(duration.TotalMinutes)).ToString(CultureInfo.InvariantCulture)} minutes"
            : $"{((int)Math.Round(duration.TotalHours)).ToString(CultureInfo.InvariantCulture)} hours";
}
