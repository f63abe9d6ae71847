using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// The part of "Forgot your password?" that depends on whether the address has an account: it runs off the response
/// path, so the answer is the same, and as fast, either way. Charges the address's mail window (only here, where a
/// mail will be sent: addresses with no account spend nothing), revokes older links, issues one, keeps only the newest
/// live one, mails it. A trusted device's request was charged to the device's own budget and skips the address window.
/// One per container; thread-safe.
/// </summary>
internal sealed class ResetLinkIssuer
{
    private readonly FlowContext _context;
    private readonly RecoveryLimits _limits;
    private readonly IAccountStore _accounts;
    private readonly TokenService _tokens;
    private readonly MailComposer _mail;
    private readonly AccountWorkQueue _work;
    private readonly ILogger _logger;

    public ResetLinkIssuer(FlowContext context, RecoveryLimits limits, IAccountStore accounts, TokenService tokens, MailComposer mail, AccountWorkQueue work, ILogger<ResetLinkIssuer> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _limits = limits;
        _accounts = accounts;
        _tokens = tokens;
        _mail = mail;
        _work = work;
        _logger = logger;
    }

    /// <summary>
    /// Queues the look-up and, when the address has an account (and its mail window or the trusted device allows), the
    /// link — in the urgent lane, ahead of every notice; when that lane is full the request waits for room (the wait does
    /// not depend on the address).
    /// </summary>
    public async ValueTask EnqueueAsync(string lookupKey, string maskedEmail, bool trustedDevice, CancellationToken cancellationToken)
    {
        if (!await _work.EnqueueUrgentAsync("PasswordReset", ct => IssueAsync(lookupKey, maskedEmail, trustedDevice, ct), cancellationToken).ConfigureAwait(false))
        {
            _context.Metrics.Mail(AccountMessageKind.PasswordReset, "dropped");
        }
    }

    private async Task IssueAsync(string lookupKey, string maskedEmail, bool trustedDevice, CancellationToken cancellationToken)
    {
        var account = await _accounts.FindByLookupKeyAsync(lookupKey, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            Log.PasswordResetNoAccount(_logger, maskedEmail);
            return;
        }

        // A mail will be sent: only now is the address's window charged (a refusal opens no window).
        if (!trustedDevice
            && !await _limits.ResetsPerAddress.TryAcquireAsync(RecoveryLimits.AddressPartition(lookupKey), cancellationToken).ConfigureAwait(false))
        {
            Log.PasswordResetRateLimited(_logger, "address", maskedEmail);
            return;
        }

        if (_limits.Recovery.ResetLinkBaseUrl is not { } baseUrl)
        {
            Log.ResetLinkBaseUrlMissing(_logger);
            return;
        }

        // Older links stop working now, before this one is issued: a request that follows another (even on a node
        // whose clock is behind) always wins. Across nodes this alone is not enough (two nodes can each revoke before
        // either stores); the store's keep-the-newest write after issuing closes that race (see below).
        await _tokens.RevokeAllAsync(account.Id, TokenPurpose.PasswordReset, cancellationToken).ConfigureAwait(false);
        var now = _context.Now;
        var lifetime = _context.Tokens.PasswordResetLifetime;

        // The link is built from configuration only, never from anything in the request (no host-header poisoning).
        // With an outbox the token and its mail are one transaction. Once it is stored, the store keeps only the
        // account's newest live reset token, in one atomic write, so one link survives however many nodes issue at once.
        await _tokens.IssueMailedAsync(
            account,
            TokenPurpose.PasswordReset,
            now,
            now + lifetime,
            token => _mail.PasswordResetMessage(account, new Uri(baseUrl.AbsoluteUri + token, UriKind.Absolute), lifetime),
            _mail,
            cancellationToken).ConfigureAwait(false);
        Log.PasswordResetLinkIssued(_logger, account.Id, now + lifetime);
    }
}
