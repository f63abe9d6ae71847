using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk;

/// <summary>
/// Turns what a customer who cannot sign in can tell into the support article's steps, in order: retype,
/// recover the address by serial, reset the password, contact the reseller, install and activate first, and
/// Technical Support when no self-service path is left (with what a support case needs). Thread-safe.
/// </summary>
/// <remarks>
/// It never says whether an email address has an account: it looks up only the serial (which the customer
/// holds, as in "Forgot which address you used before?"), and it sends nothing.
/// </remarks>
public sealed class SignInTroubleshooter
{
    private readonly IAccountStore _accounts;
    private readonly CredentialNormalizer _normalizer;
    private readonly SerialClassifier _serials;
    private readonly TrendAccountMessages _messages;
    private readonly PasswordOptions _passwordOptions;
    private readonly RecoveryOptions _recoveryOptions;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="SignInTroubleshooter"/> class.</summary>
    /// <param name="accounts">The account store (serial look-ups only).</param>
    /// <param name="normalizer">The credential normalizer.</param>
    /// <param name="serials">The serial classifier.</param>
    /// <param name="messages">The texts.</param>
    /// <param name="passwordOptions">The password rules, quoted in the reset step.</param>
    /// <param name="recoveryOptions">The recovery settings (whether a masked address may be shown).</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">Any argument but <paramref name="logger"/> is <see langword="null"/>.</exception>
    public SignInTroubleshooter(
        IAccountStore accounts,
        CredentialNormalizer normalizer,
        SerialClassifier serials,
        TrendAccountMessages messages,
        IOptions<PasswordOptions> passwordOptions,
        IOptions<RecoveryOptions> recoveryOptions,
        ILogger<SignInTroubleshooter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(serials);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(passwordOptions);
        ArgumentNullException.ThrowIfNull(recoveryOptions);
        _accounts = accounts;
        _normalizer = normalizer;
        _serials = serials;
        _messages = messages;
        _passwordOptions = passwordOptions.Value;
        _recoveryOptions = recoveryOptions.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Diagnoses why a customer cannot sign in. Never throws for anything the customer typed.</summary>
    /// <param name="request">What the customer can tell.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The ordered steps, and a support case when only Technical Support can help.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public async Task<TroubleshootingReport> DiagnoseAsync(TroubleshootingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("Troubleshoot");
        var tried = request.AlreadyTried ?? [];
        var email = string.IsNullOrEmpty(request.Email) ? null : _normalizer.NormalizeEmail(request.Email);
        var serial = string.IsNullOrEmpty(request.Serial) ? null : _serials.Classify(request.Serial);
        var hints = (email?.Hints ?? InputHints.None) | (serial?.Hints ?? InputHints.None);
        var steps = new List<TroubleshootingStepCode>();
        string? registeredEmail = null;

        if (serial is { IsWellFormed: true, SupportsAccount: false })
        {
            // Bought from a reseller: there is no vendor account to get back into.
            return Report([TroubleshootingStepCode.ContactReseller], hints, serial, email, null, request, tried);
        }

        if (serial is { IsWellFormed: true })
        {
            var record = await _accounts.FindSerialAsync(serial.Serial!, cancellationToken).ConfigureAwait(false);
            if (record is null || !record.IsActivated)
            {
                // Not installed and activated yet: no account can exist.
                return Report([TroubleshootingStepCode.InstallAndActivate], hints, serial, email, null, request, tried);
            }

            if (record.AccountId is not { } accountId)
            {
                return Report([TroubleshootingStepCode.CreateAccount], hints, serial, email, null, request, tried);
            }

            registeredEmail = (await _accounts.FindByIdAsync(accountId, cancellationToken).ConfigureAwait(false))?.Email;
        }
        else if (serial is not null)
        {
            steps.Add(TroubleshootingStepCode.RetypeSerial);
        }

        // Scenario 1: wrong information. Retype first, with what the input showed.
        steps.Add(TroubleshootingStepCode.RetypeCredentials);

        // Reset links and reminders go to the registered mailbox: useless without access to it, and the article
        // sends a customer who changed the address and forgot the password to Technical Support.
        var mailboxUnusable = request.NoAccessToMailbox || (request.ChangedEmailAddress && request.ForgotPassword);
        if (!mailboxUnusable)
        {
            if (request.ForgotEmail || !request.ForgotPassword)
            {
                steps.Add(TroubleshootingStepCode.RecoverEmailBySerial);
            }

            steps.Add(TroubleshootingStepCode.ResetPassword);
        }

        var remaining = steps.Where(s => !tried.Contains(s)).ToList();
        var selfServiceLeft = remaining.Any(s => s is TroubleshootingStepCode.RecoverEmailBySerial or TroubleshootingStepCode.ResetPassword or TroubleshootingStepCode.RetypeSerial);
        if (mailboxUnusable || !selfServiceLeft)
        {
            remaining.Add(TroubleshootingStepCode.ContactTechnicalSupport);
        }

        return Report(remaining, hints, serial, email, registeredEmail, request, tried);
    }

    private TroubleshootingReport Report(
        IReadOnlyList<TroubleshootingStepCode> codes,
        InputHints hints,
        SerialClassification? serial,
        EmailNormalization? email,
        string? registeredEmail,
        TroubleshootingRequest request,
        IReadOnlyCollection<TroubleshootingStepCode> tried)
    {
        var steps = codes
            .Select(code => new TroubleshootingStep(
                code,
                _messages.TroubleshootingStepTitle(code),
                _messages.TroubleshootingStepInstructions(code, hints, serial?.ResellerContact, _passwordOptions)))
            .ToArray();

        SupportCaseSummary? supportCase = null;
        if (codes.Contains(TroubleshootingStepCode.ContactTechnicalSupport))
        {
            var serialText = serial?.IsWellFormed == true ? serial.Serial : null;

            // The registered address (known from the serial the customer holds) is shown masked only where the
            // options allow showing it; otherwise the address the customer typed, masked.
            var maskedEmail = registeredEmail is not null && _recoveryOptions.DiscloseMaskedEmail
                ? Redaction.MaskEmail(registeredEmail)
                : email is { IsValid: true } ? Redaction.MaskEmail(email.Email) : null;
            var triedList = tried.Distinct().Order().ToList();
            if (request.NoAccessToMailbox && !triedList.Contains(TroubleshootingStepCode.ResetPassword))
            {
                triedList.Add(TroubleshootingStepCode.ResetPassword);
            }

            var reason = _messages.SupportCaseReason(request.ChangedEmailAddress, request.NoAccessToMailbox);
            var text = _messages.SupportCaseText(reason, serialText, maskedEmail, triedList);
            supportCase = new SupportCaseSummary { Serial = serialText, MaskedEmail = maskedEmail, Reason = reason, Tried = triedList, Text = text };
        }

        Log.Troubleshot(_logger, string.Join(",", codes), supportCase is not null);
        return new TroubleshootingReport
        {
            Steps = steps,
            Hints = hints,
            Channel = serial?.Channel ?? PurchaseChannel.Unknown,
            SupportCase = supportCase,
        };
    }
}
