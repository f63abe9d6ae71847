using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// Every log event of the SDK, with stable event ids (documented in docs/security-model.md). Emails are masked,
/// serials are masked, and no event carries a password, a token, a hash or a pepper.
/// </summary>
internal static partial class Log
{
    // 1000–1099: activation
    [LoggerMessage(EventId = 1000, EventName = "ProductActivated", Level = LogLevel.Information, Message = "Product activated with serial {MaskedSerial} ({Channel}).")]
    public static partial void ProductActivated(ILogger logger, string maskedSerial, PurchaseChannel channel);

    [LoggerMessage(EventId = 1001, EventName = "ActivationRejected", Level = LogLevel.Information, Message = "Product activation rejected: {Status}.")]
    public static partial void ActivationRejected(ILogger logger, Enum status);

    // 1100–1199: registration
    [LoggerMessage(EventId = 1100, EventName = "AccountRegistered", Level = LogLevel.Information, Message = "Account {AccountId} registered for {MaskedEmail} with serial {MaskedSerial}.")]
    public static partial void AccountRegistered(ILogger logger, Guid accountId, string maskedEmail, string maskedSerial);

    [LoggerMessage(EventId = 1102, EventName = "RegistrationRejected", Level = LogLevel.Information, Message = "Registration rejected: {Status}.")]
    public static partial void RegistrationRejected(ILogger logger, Enum status);

    [LoggerMessage(EventId = 1104, EventName = "RegistrationAccepted", Level = LogLevel.Information, Message = "Registration accepted for {MaskedEmail} with serial {MaskedSerial}; a confirmation link or a notice follows by mail.")]
    public static partial void RegistrationAccepted(ILogger logger, string maskedEmail, string maskedSerial);

    [LoggerMessage(EventId = 1105, EventName = "RegistrationMailRateLimited", Level = LogLevel.Warning, Message = "Registration for {MaskedEmail} answered as usual but no mail sent: the address's mail limit is spent.")]
    public static partial void RegistrationMailRateLimited(ILogger logger, string maskedEmail);

    [LoggerMessage(EventId = 1106, EventName = "RegistrationForExistingAccount", Level = LogLevel.Information, Message = "Registration for the address of account {AccountId} ({MaskedEmail}): notice mailed, nothing linked.")]
    public static partial void RegistrationForExistingAccount(ILogger logger, Guid accountId, string maskedEmail);

    [LoggerMessage(EventId = 1107, EventName = "RegistrationLinkIssued", Level = LogLevel.Information, Message = "Registration confirmation link issued for {MaskedEmail}, valid until {ExpiresAt:O}.")]
    public static partial void RegistrationLinkIssued(ILogger logger, string maskedEmail, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1108, EventName = "RegistrationLinkRejected", Level = LogLevel.Information, Message = "Registration confirmation link rejected: {Reason}.")]
    public static partial void RegistrationLinkRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1109, EventName = "RegistrationLinkBaseUrlMissing", Level = LogLevel.Error, Message = "TrendAccount:Recovery:RegistrationLinkBaseUrl is not set; no confirmation link can be sent.")]
    public static partial void RegistrationLinkBaseUrlMissing(ILogger logger);

    // 1200–1299: sign-in
    [LoggerMessage(EventId = 1200, EventName = "SignInSucceeded", Level = LogLevel.Information, Message = "Sign-in succeeded for account {AccountId} ({MaskedEmail}).")]
    public static partial void SignInSucceeded(ILogger logger, Guid accountId, string maskedEmail);

    [LoggerMessage(EventId = 1201, EventName = "SignInFailed", Level = LogLevel.Warning, Message = "Sign-in failed; true reason {Reason}, address {MaskedEmail}.")]
    public static partial void SignInFailed(ILogger logger, Enum reason, string maskedEmail);

    [LoggerMessage(EventId = 1202, EventName = "AccountLockedOut", Level = LogLevel.Warning, Message = "Account {AccountId} ({MaskedEmail}) locked out until {LockoutEnd:O} after repeated failed sign-ins.")]
    public static partial void AccountLockedOut(ILogger logger, Guid accountId, string maskedEmail, DateTimeOffset lockoutEnd);

    [LoggerMessage(EventId = 1250, EventName = "SignInStepUpRequired", Level = LogLevel.Warning, Message = "Sign-in for {MaskedEmail} from an untrusted client needs a captcha: the address's failure budget is spent.")]
    public static partial void SignInStepUpRequired(ILogger logger, string maskedEmail);

    [LoggerMessage(EventId = 1251, EventName = "SignInDeferred", Level = LogLevel.Warning, Message = "Sign-in answered 'try again shortly' ({Reason}); client {Client}.")]
    public static partial void SignInDeferred(ILogger logger, string reason, string? client);

    [LoggerMessage(EventId = 1252, EventName = "UnknownClientLimitsSkipped", Level = LogLevel.Warning, Message = "A request arrived without a client address: per-client limits are skipped for such requests (there is no shared partition). Pass a ClientContext with the address your trusted proxies forwarded.")]
    public static partial void UnknownClientLimitsSkipped(ILogger logger);

    [LoggerMessage(EventId = 1203, EventName = "PasswordHashUpgraded", Level = LogLevel.Information, Message = "Password hash of account {AccountId} upgraded: {Status}.")]
    public static partial void PasswordHashUpgraded(ILogger logger, Guid accountId, StoreWriteStatus status);

    [LoggerMessage(EventId = 1253, EventName = "StoredHashCorrupt", Level = LogLevel.Error, Message = "The stored password hash of account {AccountId} is corrupt ({Verdict}): not run, verified as failed.")]
    public static partial void StoredHashCorrupt(ILogger logger, Guid accountId, StoredHashVerdict verdict);

    // 1300–1399: sessions
    [LoggerMessage(EventId = 1300, EventName = "SessionRejected", Level = LogLevel.Debug, Message = "Session rejected: {Reason}.")]
    public static partial void SessionRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1301, EventName = "SignedOut", Level = LogLevel.Information, Message = "Account {AccountId} signed out.")]
    public static partial void SignedOut(ILogger logger, Guid accountId);

    // 1400–1499: forgot which address
    [LoggerMessage(EventId = 1400, EventName = "EmailRecovered", Level = LogLevel.Information, Message = "Address of account {AccountId} recovered with serial {MaskedSerial}; reminder queued.")]
    public static partial void EmailRecovered(ILogger logger, Guid accountId, string maskedSerial);

    [LoggerMessage(EventId = 1401, EventName = "EmailRecoveryRefused", Level = LogLevel.Information, Message = "Email recovery refused: {Status}.")]
    public static partial void EmailRecoveryRefused(ILogger logger, Enum status);

    // 1500–1599: forgot password (request)
    [LoggerMessage(EventId = 1500, EventName = "PasswordResetRequested", Level = LogLevel.Information, Message = "Password reset requested for {MaskedEmail}; queued.")]
    public static partial void PasswordResetRequested(ILogger logger, string maskedEmail);

    [LoggerMessage(EventId = 1501, EventName = "PasswordResetRequestRefused", Level = LogLevel.Information, Message = "Password reset request refused: {Status}.")]
    public static partial void PasswordResetRequestRefused(ILogger logger, Enum status);

    [LoggerMessage(EventId = 1502, EventName = "PasswordResetRateLimited", Level = LogLevel.Warning, Message = "Password reset request for {MaskedEmail} over the per-{Limit} rate limit; answered as usual, nothing sent.")]
    public static partial void PasswordResetRateLimited(ILogger logger, string limit, string maskedEmail);

    [LoggerMessage(EventId = 1503, EventName = "PasswordResetLinkIssued", Level = LogLevel.Information, Message = "Password reset link issued for account {AccountId}, valid until {ExpiresAt:O}; older links revoked.")]
    public static partial void PasswordResetLinkIssued(ILogger logger, Guid accountId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1504, EventName = "PasswordResetNoAccount", Level = LogLevel.Information, Message = "Password reset requested for {MaskedEmail}, which has no account; nothing sent.")]
    public static partial void PasswordResetNoAccount(ILogger logger, string maskedEmail);

    [LoggerMessage(EventId = 1505, EventName = "ResetLinkBaseUrlMissing", Level = LogLevel.Error, Message = "TrendAccount:Recovery:ResetLinkBaseUrl is not set; no reset link can be sent.")]
    public static partial void ResetLinkBaseUrlMissing(ILogger logger);

    // 1600–1699: forgot password (update password)
    [LoggerMessage(EventId = 1600, EventName = "PasswordReset", Level = LogLevel.Information, Message = "Password of account {AccountId} reset; sessions and links revoked, stamp rotated.")]
    public static partial void PasswordReset(ILogger logger, Guid accountId);

    [LoggerMessage(EventId = 1601, EventName = "ResetLinkRejected", Level = LogLevel.Information, Message = "Reset link rejected: {Reason}.")]
    public static partial void ResetLinkRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1602, EventName = "NewPasswordRejected", Level = LogLevel.Information, Message = "New password for account {AccountId} rejected by the policy: {Problems}.")]
    public static partial void NewPasswordRejected(ILogger logger, Guid accountId, string problems);

    [LoggerMessage(EventId = 1603, EventName = "ResetThrottled", Level = LogLevel.Warning, Message = "Client {Client} presented too many invalid reset links; throttled.")]
    public static partial void ResetThrottled(ILogger logger, string? client);

    [LoggerMessage(EventId = 1604, EventName = "ResetTokenNotConsumed", Level = LogLevel.Warning, Message = "The reset link of account {AccountId} could not be consumed after the password changed (already dead by stamp).")]
    public static partial void ResetTokenNotConsumed(ILogger logger, Guid accountId);

    // 1700–1799: change password
    [LoggerMessage(EventId = 1700, EventName = "PasswordChanged", Level = LogLevel.Information, Message = "Password of account {AccountId} changed; other sessions revoked.")]
    public static partial void PasswordChanged(ILogger logger, Guid accountId);

    [LoggerMessage(EventId = 1701, EventName = "ChangePasswordRefused", Level = LogLevel.Information, Message = "Password change refused for account {AccountId}: {Status}.")]
    public static partial void ChangePasswordRefused(ILogger logger, Enum status, Guid? accountId);

    // 1800–1899: troubleshooter
    [LoggerMessage(EventId = 1800, EventName = "Troubleshot", Level = LogLevel.Information, Message = "Troubleshooter recommended {Steps}; technical support needed: {NeedsSupport}.")]
    public static partial void Troubleshot(ILogger logger, string steps, bool needsSupport);

    // 1900–1999: mail and background work
    [LoggerMessage(EventId = 1900, EventName = "MailSent", Level = LogLevel.Information, Message = "{Kind} email handed to the mailer for {MaskedTo}.")]
    public static partial void MailSent(ILogger logger, AccountMessageKind kind, string maskedTo);

    [LoggerMessage(EventId = 1901, EventName = "MailFailed", Level = LogLevel.Error, Message = "{Kind} email to {MaskedTo} could not be sent; account state is unchanged.")]
    public static partial void MailFailed(ILogger logger, AccountMessageKind kind, string maskedTo, Exception exception);

    [LoggerMessage(EventId = 1902, EventName = "BackgroundWorkDropped", Level = LogLevel.Error, Message = "Background work {Name} dropped: the queue is full or stopped.")]
    public static partial void BackgroundWorkDropped(ILogger logger, string name);

    [LoggerMessage(EventId = 1903, EventName = "BackgroundWorkFailed", Level = LogLevel.Error, Message = "Background work {Name} failed.")]
    public static partial void BackgroundWorkFailed(ILogger logger, string name, Exception exception);

    [LoggerMessage(EventId = 1904, EventName = "BackgroundWorkAbandoned", Level = LogLevel.Warning, Message = "{Count} background work item(s) abandoned at shutdown.")]
    public static partial void BackgroundWorkAbandoned(ILogger logger, int count);

    [LoggerMessage(EventId = 1905, EventName = "UrgentMailBackpressure", Level = LogLevel.Error, Message = "The urgent mail lane is full ({Capacity} items): requests that send a reset link, confirmation or reminder now wait for room. The mailer is down or far too slow.")]
    public static partial void UrgentMailBackpressure(ILogger logger, int capacity);

    [LoggerMessage(EventId = 1906, EventName = "OutboxMailWritten", Level = LogLevel.Debug, Message = "{Kind} email for {MaskedTo} written to the outbox as {MailId} ({Priority}).")]
    public static partial void OutboxMailWritten(ILogger logger, AccountMessageKind kind, string maskedTo, Guid mailId, MailPriority priority);

    [LoggerMessage(EventId = 1907, EventName = "OutboxRetryScheduled", Level = LogLevel.Warning, Message = "{Kind} email {MailId} to {MaskedTo} failed on attempt {Attempts}; next attempt at {RetryAt:O}.")]
    public static partial void OutboxRetryScheduled(ILogger logger, AccountMessageKind kind, string maskedTo, Guid mailId, int attempts, DateTimeOffset retryAt, Exception exception);

    [LoggerMessage(EventId = 1908, EventName = "OutboxDeadLetter", Level = LogLevel.Error, Message = "{Kind} email {MailId} to {MaskedTo} given up after {Attempts} attempts: dead letter, kept in the outbox and never tried again.")]
    public static partial void OutboxDeadLetter(ILogger logger, AccountMessageKind kind, string maskedTo, Guid mailId, int attempts, Exception exception);

    [LoggerMessage(EventId = 1909, EventName = "OutboxLeaseLost", Level = LogLevel.Warning, Message = "{Kind} email {MailId} was sent after its lease ran out; another node may send it again with the same Message-Id. Raise TrendAccount:Outbox:LeaseDuration.")]
    public static partial void OutboxLeaseLost(ILogger logger, AccountMessageKind kind, Guid mailId);

    [LoggerMessage(EventId = 1910, EventName = "OutboxPassFailed", Level = LogLevel.Error, Message = "An outbox delivery pass failed (the store is unreachable?); nothing is lost, the next pass tries again.")]
    public static partial void OutboxPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1911, EventName = "OutboxPurged", Level = LogLevel.Information, Message = "{Count} delivered outbox row(s) delivered before {Before:O} purged.")]
    public static partial void OutboxPurged(ILogger logger, int count, DateTimeOffset before);

    [LoggerMessage(EventId = 1912, EventName = "OutboxDeliveryStarted", Level = LogLevel.Information, Message = "Outbox delivery started.")]
    public static partial void OutboxDeliveryStarted(ILogger logger);

    [LoggerMessage(EventId = 1913, EventName = "OutboxDeliveryStopped", Level = LogLevel.Information, Message = "Outbox delivery stopped.")]
    public static partial void OutboxDeliveryStopped(ILogger logger);
}
