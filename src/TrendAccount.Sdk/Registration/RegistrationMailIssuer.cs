using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// The part of registration that depends on whether the address has an account: it runs off the response path, so
/// the answer is the same, and as fast, either way. A new address gets a confirmation link whose token carries the
/// pending registration; an address with an account gets a notice and nothing else (the serial is not linked).
/// One per container; thread-safe.
/// </summary>
internal sealed class RegistrationMailIssuer
{
    private readonly FlowContext _context;
    private readonly Uri? _linkBaseUrl;
    private readonly IAccountStore _accounts;
    private readonly TokenService _tokens;
    private readonly MailComposer _mail;
    private readonly AccountWorkQueue _work;
    private readonly ILogger _logger;

    public RegistrationMailIssuer(FlowContext context, Uri? linkBaseUrl, IAccountStore accounts, TokenService tokens, MailComposer mail, AccountWorkQueue work, ILogger<RegistrationMailIssuer> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _linkBaseUrl = linkBaseUrl;
        _accounts = accounts;
        _tokens = tokens;
        _mail = mail;
        _work = work;
        _logger = logger;
    }

    /// <summary>Queues the look-up and the one mail that follows from it.</summary>
    /// <remarks>In the urgent lane (it may send the confirmation): never dropped; when the lane is full the request waits for room, whatever the address.</remarks>
    public async ValueTask EnqueueAsync(PendingRegistration pending, CancellationToken cancellationToken)
    {
        if (!await _work.EnqueueUrgentAsync("Registration", ct => IssueAsync(pending, ct), cancellationToken).ConfigureAwait(false))
        {
            _context.Metrics.Mail(AccountMessageKind.RegistrationConfirmation, "dropped");
        }
    }

    private async Task IssueAsync(PendingRegistration pending, CancellationToken cancellationToken)
    {
        var masked = Redaction.MaskEmail(pending.Email);
        var existing = await _accounts.FindByLookupKeyAsync(pending.LookupKey, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            // Nothing is linked and nothing is counted against the account: the owner only hears about it.
            Log.RegistrationForExistingAccount(_logger, existing.Id, masked);
            _context.Metrics.Registration("existing_account_notified");
            await _mail.SendAccountExistsNoticeAsync(existing, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_linkBaseUrl is not { } baseUrl)
        {
            Log.RegistrationLinkBaseUrlMissing(_logger);
            return;
        }

        var now = _context.Now;
        var lifetime = _context.Tokens.RegistrationConfirmationLifetime;

        // The link is built from configuration only, never from anything in the request (no host-header poisoning).
        // With an outbox the token (carrying the pending registration) and its mail are one transaction.
        await _tokens.IssueUnboundMailedAsync(
            TokenPurpose.RegistrationConfirmation,
            pending.ToPayload(),
            now,
            now + lifetime,
            token => _mail.RegistrationConfirmationMessage(pending.Email, new Uri(baseUrl.AbsoluteUri + token, UriKind.Absolute), lifetime),
            _mail,
            cancellationToken).ConfigureAwait(false);
        Log.RegistrationLinkIssued(_logger, masked, now + lifetime);
        _context.Metrics.Registration("confirmation_sent");
    }
}
