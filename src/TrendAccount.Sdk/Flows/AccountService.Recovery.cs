using System.Diagnostics;

namespace TrendAccount.Sdk;

/// <content>"Forgot which address you used before?" and "Forgot your password?".</content>
internal sealed partial class AccountService
{
    public async Task<EmailRecoveryResult> RecoverEmailAsync(EmailRecoveryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("RecoverEmail");
        var serial = _serials.Classify(request.Serial);
        var hints = serial.Hints;

        // Captcha first: a failed captcha looks nothing up and sends nothing.
        if (!await _captcha.VerifyAsync(request.CaptchaResponse, request.Client, cancellationToken).ConfigureAwait(false))
        {
            return Recovery(EmailRecoveryStatus.CaptchaFailed, _messages.CaptchaFailed, hints, activity);
        }

        if (!_recoveriesPerClient.TryAcquire(Redaction.ClientKey(request.Client)))
        {
            return Recovery(EmailRecoveryStatus.RateLimited, _messages.TooManyAttempts, hints, activity);
        }

        if (!serial.IsWellFormed)
        {
            return Recovery(EmailRecoveryStatus.MalformedSerial, _messages.MalformedSerial, hints, activity);
        }

        if (!serial.SupportsAccount)
        {
            var contact = serial.ResellerContact ?? SerialOptions.DefaultResellerContact;
            var result = Recovery(EmailRecoveryStatus.ResellerSerial, _messages.ResellerSerial(contact), hints, activity);
            return new EmailRecoveryResult { Status = result.Status, Message = result.Message, Hints = hints, ResellerContact = contact };
        }

        var record = await _accounts.FindSerialAsync(serial.Serial!, cancellationToken).ConfigureAwait(false);
        if (record is null || !record.IsActivated)
        {
            return Recovery(EmailRecoveryStatus.NotActivated, _messages.NotActivated, hints, activity);
        }

        var account = record.AccountId is { } accountId
            ? await _accounts.FindByIdAsync(accountId, cancellationToken).ConfigureAwait(false)
            : null;
        if (account is null)
        {
            return Recovery(EmailRecoveryStatus.NotRegistered, _messages.SerialNotRegistered, hints, activity);
        }

        var maskedSerial = Redaction.MaskSerial(serial.Serial);
        QueueMail(new AccountMessage(
            AccountMessageKind.EmailReminder,
            account.Email,
            _messages.EmailReminderSubject,
            _messages.EmailReminderTextBody(account.Email, maskedSerial),
            _messages.EmailReminderHtmlBody(account.Email, maskedSerial)));
        _metrics.EmailRecovery("succeeded");
        Log.EmailRecovered(_logger, account.Id, maskedSerial);
        activity.SetOutcome("succeeded", true);

        var masked = Redaction.MaskEmail(account.Email);
        return _options.Recovery.DiscloseMaskedEmail
            ? new EmailRecoveryResult { Status = EmailRecoveryStatus.Succeeded, Message = _messages.EmailRecovered(masked), Hints = hints, MaskedEmail = masked }
            : new EmailRecoveryResult { Status = EmailRecoveryStatus.Succeeded, Message = _messages.EmailReminderSent, Hints = hints };
    }

    public async Task<PasswordResetRequestResult> RequestPasswordResetAsync(PasswordResetRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("RequestPasswordReset");
        var email = _normalizer.NormalizeEmail(request.Email);

        // Captcha first: a failed captcha looks nothing up and sends nothing.
        if (!await _captcha.VerifyAsync(request.CaptchaResponse, request.Client, cancellationToken).ConfigureAwait(false))
        {
            return ResetRequest(PasswordResetRequestStatus.CaptchaFailed, _messages.CaptchaFailed, email, "captcha_failed", activity);
        }

        if (!email.IsValid)
        {
            return ResetRequest(PasswordResetRequestStatus.InvalidEmail, _messages.DescribeEmailProblem(email.Problem), email, "invalid_email", activity);
        }

        // Both limits are charged on every request, so neither tells an attacker anything the other hides.
        var clientAllowed = _resetsPerClient.TryAcquire(Redaction.ClientKey(request.Client));
        var addressAllowed = _resetsPerAddress.TryAcquire(email.LookupKey!);
        var maskedEmail = Redaction.MaskEmail(email.Email);
        if (!clientAllowed || !addressAllowed)
        {
            // Over a limit: the same answer as always, and nothing is sent.
            Log.PasswordResetRateLimited(_logger, clientAllowed ? "address" : "client", maskedEmail);
            return ResetRequest(PasswordResetRequestStatus.Accepted, _messages.PasswordResetRequested, email, "rate_limited", activity);
        }

        // Everything that depends on whether the address has an account happens off the response path, so the
        // answer is the same, and as fast, either way.
        var lookupKey = email.LookupKey!;
        _work.TryEnqueue("PasswordReset", ct => IssueResetLinkAsync(lookupKey, maskedEmail, ct));
        Log.PasswordResetRequested(_logger, maskedEmail);
        return ResetRequest(PasswordResetRequestStatus.Accepted, _messages.PasswordResetRequested, email, "accepted", activity);
    }

    private async Task IssueResetLinkAsync(string lookupKey, string maskedEmail, CancellationToken cancellationToken)
    {
        var account = await _accounts.FindByLookupKeyAsync(lookupKey, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            Log.PasswordResetNoAccount(_logger, maskedEmail);
            return;
        }

        if (_options.Recovery.ResetLinkBaseUrl is not { } baseUrl)
        {
            Log.ResetLinkBaseUrlMissing(_logger);
            return;
        }

        var now = _time.GetUtcNow();

        // Older links stop working first, so at most one link is alive per account.
        await _tokens.RevokeAllAsync(account.Id, TokenPurpose.PasswordReset, now, cancellationToken).ConfigureAwait(false);
        var issued = SecureTokens.Issue();
        var lifetime = _options.Tokens.PasswordResetLifetime;
        await _tokens.AddAsync(
            new TokenRecord
            {
                Digest = issued.Digest,
                AccountId = account.Id,
                Purpose = TokenPurpose.PasswordReset,
                SecurityStamp = account.SecurityStamp,
                IssuedAt = now,
                ExpiresAt = now + lifetime,
            },
            cancellationToken).ConfigureAwait(false);

        // The link is built from configuration only, never from anything in the request (no host-header poisoning).
        var link = new Uri(baseUrl.AbsoluteUri + issued.Token, UriKind.Absolute);
        Log.PasswordResetLinkIssued(_logger, account.Id, now + lifetime);
        await SendAsync(
            new AccountMessage(
                AccountMessageKind.PasswordReset,
                account.Email,
                _messages.PasswordResetSubject,
                _messages.PasswordResetTextBody(link, lifetime),
                _messages.PasswordResetHtmlBody(link, lifetime),
                link),
            Redaction.MaskEmail(account.Email),
            cancellationToken).ConfigureAwait(false);
    }

    private EmailRecoveryResult Recovery(EmailRecoveryStatus status, string message, InputHints hints, Activity? activity)
    {
        var outcome = Outcomes.Of(status);
        _metrics.EmailRecovery(outcome);
        if (status != EmailRecoveryStatus.Succeeded)
        {
            Log.EmailRecoveryRefused(_logger, status);
        }

        activity.SetOutcome(outcome, status == EmailRecoveryStatus.Succeeded);
        return new EmailRecoveryResult { Status = status, Message = message, Hints = hints };
    }

    private PasswordResetRequestResult ResetRequest(PasswordResetRequestStatus status, string message, EmailNormalization email, string outcome, Activity? activity)
    {
        _metrics.ResetRequested(outcome);
        if (status != PasswordResetRequestStatus.Accepted)
        {
            Log.PasswordResetRequestRefused(_logger, status);
        }

        // The activity carries the public outcome only.
        activity.SetOutcome(Outcomes.Of(status), status == PasswordResetRequestStatus.Accepted);
        return new PasswordResetRequestResult { Status = status, Message = message, Hints = email.Hints, EmailProblem = email.Problem };
    }
}
