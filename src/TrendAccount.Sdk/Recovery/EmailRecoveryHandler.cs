using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// "Forgot which address you used before?": the customer types the serial and a captcha, and the address registered
/// with the serial gets a reminder. One per container; thread-safe.
/// </summary>
internal sealed class EmailRecoveryHandler
{
    private readonly FlowContext _context;
    private readonly SerialClassifier _serials;
    private readonly IAccountStore _accounts;
    private readonly ICaptchaVerifier _captcha;
    private readonly RecoveryLimits _limits;
    private readonly MailComposer _mail;
    private readonly ILogger _logger;

    public EmailRecoveryHandler(FlowContext context, SerialClassifier serials, IAccountStore accounts, ICaptchaVerifier captcha, RecoveryLimits limits, MailComposer mail, ILogger<EmailRecoveryHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(serials);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(captcha);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _serials = serials;
        _accounts = accounts;
        _captcha = captcha;
        _limits = limits;
        _mail = mail;
        _logger = logger;
    }

    private TrendAccountMessages Messages => _context.Messages;

    public async Task<EmailRecoveryResult> RecoverEmailAsync(EmailRecoveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("RecoverEmail");
        var serial = _serials.Classify(request.Serial);
        var hints = serial.Hints;

        // Captcha first: a failed captcha looks nothing up and sends nothing.
        if (!await _captcha.VerifyAsync(request.CaptchaResponse, request.Client, cancellationToken).ConfigureAwait(false))
        {
            return Refused(EmailRecoveryStatus.CaptchaFailed, Messages.CaptchaFailed, hints, activity);
        }

        if (!await _limits.RecoveriesPerClient.TryAcquireAsync(Redaction.ClientKey(request.Client), cancellationToken).ConfigureAwait(false))
        {
            return Refused(EmailRecoveryStatus.RateLimited, Messages.TooManyAttempts, hints, activity);
        }

        if (!serial.IsWellFormed)
        {
            return Refused(EmailRecoveryStatus.MalformedSerial, Messages.MalformedSerial, hints, activity);
        }

        if (!serial.SupportsAccount)
        {
            var contact = serial.ResellerContact ?? SerialOptions.DefaultResellerContact;
            return Refused(EmailRecoveryStatus.ResellerSerial, Messages.ResellerSerial(contact), hints, activity, contact);
        }

        var record = await _accounts.FindSerialAsync(serial.Serial!, cancellationToken).ConfigureAwait(false);
        if (record is null || !record.IsActivated)
        {
            return Refused(EmailRecoveryStatus.SerialNotActivated, Messages.NotActivated, hints, activity);
        }

        var account = record.AccountId is { } accountId
            ? await _accounts.FindByIdAsync(accountId, cancellationToken).ConfigureAwait(false)
            : null;
        if (account is null)
        {
            return Refused(EmailRecoveryStatus.SerialNotRegistered, Messages.SerialNotRegistered, hints, activity);
        }

        var maskedSerial = Redaction.MaskSerial(serial.Serial);
        await _mail.QueueEmailReminderAsync(account, maskedSerial, cancellationToken).ConfigureAwait(false);
        _context.Metrics.EmailRecovery("succeeded");
        Log.EmailRecovered(_logger, account.Id, maskedSerial);
        activity.SetOutcome("succeeded", true);

        var masked = Redaction.MaskEmail(account.Email);
        return _limits.Recovery.DiscloseMaskedEmail
            ? new EmailRecoveryResult { Status = EmailRecoveryStatus.Succeeded, Message = Messages.EmailRecovered(masked), Hints = hints, MaskedEmail = masked }
            : new EmailRecoveryResult { Status = EmailRecoveryStatus.Succeeded, Message = Messages.EmailReminderSent, Hints = hints };
    }

    private EmailRecoveryResult Refused(EmailRecoveryStatus status, string message, InputHints hints, Activity? activity, string? resellerContact = null)
    {
        var outcome = Outcomes.Of(status);
        _context.Metrics.EmailRecovery(outcome);
        Log.EmailRecoveryRefused(_logger, status);
        activity.SetOutcome(outcome, false);
        return new EmailRecoveryResult { Status = status, Message = message, Hints = hints, ResellerContact = resellerContact };
    }
}
