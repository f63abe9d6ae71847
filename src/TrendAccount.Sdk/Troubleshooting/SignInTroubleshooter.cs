using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk;

/// <summary>
/// Turns what a customer who cannot sign in can tell into the support article's steps, in order: retype,
/// recover the address by serial, reset the password, contact the reseller, and Technical Support when no
/// self-service path is left (with what a support case needs). Thread-safe.
/// </summary>
/// <remarks>
/// <para>It looks nothing up: the steps come from what the customer says and the serial's <em>shape</em>
/// (<see cref="SerialClassifier"/>: malformed, sold by a reseller, or a vendor serial) alone, so the answer is the same
/// for an unknown serial, an activated one with no account and a registered one, and the same for any address. It
/// takes no captcha and has no rate limit, so anything it looked up would be free for anyone to ask; whether a serial
/// is activated or registered, and the registered address (masked), come only from "Forgot which address you used
/// before?" (<see cref="IAccountService.RecoverEmailAsync"/>), behind its captcha and per-client limit. The support
/// case carries the address the customer typed, masked, never the registered one. It sends nothing.</para>
/// </remarks>
public sealed class SignInTroubleshooter
{
    private readonly CredentialNormalizer _normalizer;
    private readonly SerialClassifier _serials;
    private readonly TrendAccountMessages _messages;
    private readonly PasswordOptions _passwordOptions;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="SignInTroubleshooter"/> class.</summary>
    /// <param name="normalizer">The credential normalizer.</param>
    /// <param name="serials">The serial classifier.</param>
    /// <param name="messages">The texts.</param>
    /// <param name="passwordOptions">The password rules, quoted in the reset step.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">Any argument but <paramref name="logger"/> is <see langword="null"/>.</exception>
    public SignInTroubleshooter(
        CredentialNormalizer normalizer,
        SerialClassifier serials,
        TrendAccountMessages messages,
        IOptions<PasswordOptions> passwordOptions,
        ILogger<SignInTroubleshooter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(serials);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(passwordOptions);
        _normalizer = normalizer;
        _serials = serials;
        _messages = messages;
        _passwordOptions = passwordOptions.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Diagnoses why a customer cannot sign in. Never throws for anything the customer typed.</summary>
    /// <param name="request">What the customer can tell.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The ordered steps, and a support case when only Technical Support can help.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <remarks>Completes synchronously (nothing is looked up); the task shape is kept so that hosts need not change.</remarks>
    public Task<TroubleshootingReport> DiagnoseAsync(TroubleshootingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = TrendAccountActivities.Start("Troubleshoot");
        var tried = request.AlreadyTried ?? [];
        var email = string.IsNullOrEmpty(request.Email) ? null : _normalizer.NormalizeEmail(request.Email);
        var serial = string.IsNullOrEmpty(request.Serial) ? null : _serials.Classify(request.Serial);
        var hints = (email?.Hints ?? InputHints.None) | (serial?.Hints ?? InputHints.None);
        var steps = new List<TroubleshootingStepCode>();

        if (serial is { IsWellFormed: true, SupportsAccount: false })
        {
            // Bought from a reseller (the serial's shape says so): there is no vendor account to get back into.
            return Task.FromResult(Report([TroubleshootingStepCode.ContactReseller], hints, serial, email, request, tried));
        }

        if (request.NotActivated && serial is not { IsWellFormed: false })
        {
            // The customer says so (scenario 3): no account can exist before the program is installed and activated.
            return Task.FromResult(Report([TroubleshootingStepCode.InstallAndActivate], hints, serial, email, request, tried));
        }

        if (serial is { IsWellFormed: false })
        {
            steps.Add(TroubleshootingStepCode.RetypeSerial);
        }

        // Scenario 1: wrong information. Retype first, with what the input showed. A well-formed vendor serial changes
        // nothing here: whether it is activated or registered is for "forgot which address" to say, behind its captcha.
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

        return Task.FromResult(Report(remaining, hints, serial, email, request, tried));
    }

    private TroubleshootingReport Report(
        IReadOnlyList<TroubleshootingStepCode> codes,
        InputHints hints,
        SerialClassification? serial,
        EmailNormalization? email,
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

            // Only the address the customer typed, masked: the registered one is for the forgot-email flow to reveal.
            var maskedEmail = email is { IsValid: true } ? Redaction.MaskEmail(email.Email) : null;
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
