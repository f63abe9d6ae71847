using System.Diagnostics.CodeAnalysis;

namespace TrendAccount.Sdk;

/// <summary>A presented token that passed every check, or why it did not (the reason is for the log only).</summary>
internal readonly record struct TokenLookup(string? Digest, TokenRecord? Record, AccountRecord? Account, string? RejectedBecause)
{
    [MemberNotNullWhen(true, nameof(Digest), nameof(Record), nameof(Account))]
    public bool IsLive => RejectedBecause is null;

    public static TokenLookup Rejected(string reason) => new(null, null, null, reason);
}

/// <summary>
/// The one place tokens are issued, found and ended: sessions and reset links alike. A token record is built only
/// here; a presented token is live only when it is well formed, known, of the expected purpose, unconsumed, unexpired
/// (sessions: also within their absolute lifetime) and issued under the account's current security stamp.
/// One per container; thread-safe.
/// </summary>
internal sealed class TokenService
{
    private readonly FlowContext _context;
    private readonly ITokenStore _tokens;
    private readonly IAccountStore _accounts;

    public TokenService(FlowContext context, ITokenStore tokens, IAccountStore accounts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(accounts);
        _context = context;
        _tokens = tokens;
        _accounts = accounts;
    }

    private TokenOptions Options => _context.Tokens;

    /// <summary>Issues a token bound to the account's current security stamp; returns the secret to hand out (only its digest is stored).</summary>
    public async Task<string> IssueAsync(AccountRecord account, TokenPurpose purpose, DateTimeOffset issuedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var issued = SecureTokens.Issue();
        await _tokens.AddAsync(
            new TokenRecord
            {
                Digest = issued.Digest,
                AccountId = account.Id,
                Purpose = purpose,
                SecurityStamp = account.SecurityStamp,
                IssuedAt = issuedAt,
                ExpiresAt = expiresAt,
            },
            cancellationToken).ConfigureAwait(false);
        return issued.Token;
    }

    /// <summary>
    /// Consumes an unbound token of one purpose, once: the one caller whose conditional write wins gets the record
    /// (its payload, future account id and security stamp); everyone else (unknown, expired, used, another purpose)
    /// gets <see langword="null"/> and the reason for the log.
    /// </summary>
    public async Task<(TokenRecord? Token, string? RejectedBecause)> ConsumeUnboundAsync(string? presented, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        var digest = SecureTokens.TryComputeDigest(presented);
        if (digest is null)
        {
            return (null, "malformed");
        }

        var token = await _tokens.FindAsync(digest, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return (null, "unknown");
        }

        if (token.Purpose != purpose)
        {
            return (null, "wrong purpose");
        }

        return await _tokens.TryConsumeAsync(digest, _context.Now, cancellationToken).ConfigureAwait(false)
            ? (token, null)
            : (null, "expired or used");
    }

    /// <summary>Issues a session; a replacement session keeps the original <paramref name="issuedAt"/> and so its absolute limit.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueSessionAsync(AccountRecord account, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        var expiresAt = SessionExpiry(issuedAt, _context.Now);
        var token = await IssueAsync(account, TokenPurpose.Session, issuedAt, expiresAt, cancellationToken).ConfigureAwait(false);
        return (token, expiresAt);
    }

    /// <summary>When a session used now expires: the idle timeout from now, never past the absolute lifetime.</summary>
    public DateTimeOffset SessionExpiry(DateTimeOffset issuedAt, DateTimeOffset now)
    {
        var idle = now + Options.SessionIdleTimeout;
        var absolute = issuedAt + Options.SessionAbsoluteLifetime;
        return idle <= absolute ? idle : absolute;
    }

    /// <summary>Finds a live token of one purpose (see the class remarks for every check).</summary>
    public async Task<TokenLookup> FindLiveAsync(string? presented, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        var digest = SecureTokens.TryComputeDigest(presented);
        if (digest is null)
        {
            return TokenLookup.Rejected("malformed");
        }

        var token = await _tokens.FindAsync(digest, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return TokenLookup.Rejected("unknown");
        }

        if (token.Purpose != purpose)
        {
            return TokenLookup.Rejected("wrong purpose");
        }

        var now = _context.Now;
        if (!token.IsActiveAt(now) || (purpose == TokenPurpose.Session && now >= token.IssuedAt + Options.SessionAbsoluteLifetime))
        {
            return TokenLookup.Rejected("expired or ended");
        }

        var account = await _accounts.FindByIdAsync(token.AccountId, cancellationToken).ConfigureAwait(false);
        return account is null || !string.Equals(account.SecurityStamp, token.SecurityStamp, StringComparison.Ordinal)
            ? TokenLookup.Rejected("credentials changed since issue")
            : new TokenLookup(digest, token, account, null);
    }

    /// <summary>Ends one token; <see langword="false"/> when it had already ended (single use is enforced by the store).</summary>
    public Task<bool> ConsumeAsync(string digest, CancellationToken cancellationToken) =>
        _tokens.TryConsumeAsync(digest, _context.Now, cancellationToken);

    /// <summary>Moves a live token's expiry.</summary>
    public Task<bool> ExtendAsync(string digest, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        _tokens.TryExtendAsync(digest, expiresAt, _context.Now, cancellationToken);

    /// <summary>Ends every live token of the account (of one purpose, or all).</summary>
    public Task<int> RevokeAllAsync(Guid accountId, TokenPurpose? purpose, CancellationToken cancellationToken) =>
        _tokens.RevokeAllAsync(accountId, purpose, _context.Now, cancellationToken);

    /// <summary>
    /// Issues a token bound to the account's current security stamp, makes it the account's only live token of its
    /// purpose, and mails the link <paramref name="compose"/> makes from it. With a durable outbox the token and the
    /// mail are written in one transaction, so a committed link is never lost and a lost write leaves no usable token;
    /// otherwise the token is stored and the mail sent.
    /// </summary>
    /// <remarks>
    /// Once the token is stored, every other live token of the account and purpose is revoked except the newest
    /// (<see cref="ITokenStore.RevokeAllButNewestAsync"/>, one atomic write). Revoking before issuing alone is two
    /// writes: two nodes could each revoke before either stored, and both links would stay alive. Storing first and
    /// then keeping only the newest leaves one live link whatever the interleaving: the last such call starts after
    /// every token was stored.
    /// </remarks>
    public Task<bool> IssueMailedAsync(AccountRecord account, TokenPurpose purpose, DateTimeOffset issuedAt, DateTimeOffset expiresAt, Func<string, AccountMessage> compose, MailComposer mail, CancellationToken cancellationToken)
    {
        var issued = SecureTokens.Issue();
        var record = new TokenRecord
        {
            Digest = issued.Digest,
            AccountId = account.Id,
            Purpose = purpose,
            SecurityStamp = account.SecurityStamp,
            IssuedAt = issuedAt,
            ExpiresAt = expiresAt,
        };
        return mail.SendWithTokenAsync(
            compose(issued.Token),
            record,
            _tokens,
            ct => _tokens.RevokeAllButNewestAsync(account.Id, purpose, _context.Now, ct),
            cancellationToken);
    }

    /// <summary>
    /// Issues a token bound to no account yet (a registration confirmation: bound to the fresh id the account will get
    /// and carrying the caller's payload, so nothing but the token store holds it until the link is used) and mails
    /// the link <paramref name="compose"/> makes from it; with a durable outbox the token and the mail are one
    /// transaction.
    /// </summary>
    public Task<bool> IssueUnboundMailedAsync(TokenPurpose purpose, string payload, DateTimeOffset issuedAt, DateTimeOffset expiresAt, Func<string, AccountMessage> compose, MailComposer mail, CancellationToken cancellationToken)
    {
        var issued = SecureTokens.Issue();
        var record = new TokenRecord
        {
            Digest = issued.Digest,
            AccountId = Guid.NewGuid(),
            Purpose = purpose,
            SecurityStamp = AccountRecord.NewSecurityStamp(),
            IssuedAt = issuedAt,
            ExpiresAt = expiresAt,
            Payload = payload,
        };
        return mail.SendWithTokenAsync(compose(issued.Token), record, _tokens, afterStored: null, cancellationToken);
    }
}
