using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// The one place a newly chosen password is judged and set, for registration, "Update Password" behind a reset
/// link and "change password" alike: <see cref="ValidateAsync"/> is the single call site of every rule a new
/// password must pass (<see cref="NewPasswordRules"/>: the policy, then the breach screen), and
/// <see cref="SetAsync"/> the single write sequence. One per container; thread-safe.
/// </summary>
internal sealed class NewPasswordService
{
    private readonly FlowContext _context;
    private readonly IAccountStore _accounts;
    private readonly IPasswordHasher _hasher;
    private readonly NewPasswordRules _rules;
    private readonly TokenService _tokens;
    private readonly MailComposer _mail;
    private readonly ILogger _logger;

    public NewPasswordService(FlowContext context, IAccountStore accounts, IPasswordHasher hasher, NewPasswordRules rules, TokenService tokens, MailComposer mail, ILogger<NewPasswordService> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _accounts = accounts;
        _hasher = hasher;
        _rules = rules;
        _tokens = tokens;
        _mail = mail;
        _logger = logger;
    }

    /// <summary>Judges a new password for an address and the serials it is (or will be) linked to.</summary>
    /// <param name="password">The normalized new password.</param>
    /// <param name="confirmation">The normalized confirmation.</param>
    /// <param name="email">The account's address, which the password must not repeat.</param>
    /// <param name="serials">The account's serials, which the password must not repeat.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    public Task<PasswordValidation> ValidateAsync(PasswordInput password, PasswordInput confirmation, string email, IReadOnlyList<string> serials, CancellationToken cancellationToken) =>
        _rules.ValidateAsync(password.Value, confirmation.Value, email, serials, cancellationToken).AsTask();

    /// <summary>Judges a new password for an existing account.</summary>
    public async Task<PasswordValidation> ValidateForAccountAsync(PasswordInput password, PasswordInput confirmation, AccountRecord account, CancellationToken cancellationToken)
    {
        var serials = await _accounts.FindSerialsByAccountAsync(account.Id, cancellationToken).ConfigureAwait(false);
        var validation = await ValidateAsync(password, confirmation, account.Email, [.. serials.Select(s => s.Serial)], cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            Log.NewPasswordRejected(_logger, account.Id, string.Join(",", validation.Problems));
        }

        return validation;
    }

    /// <summary>Hashes a validated new password.</summary>
    public string Hash(PasswordInput password) => _hasher.HashPassword(password.Value);

    /// <summary>
    /// Replaces the password while the account's stamp is still <paramref name="expectedStamp"/>, rotating the stamp;
    /// then ends <paramref name="consumeDigest"/> (the reset link, if any), every other token and session, and mails
    /// the "password changed" notice.
    /// </summary>
    /// <returns>When the password changed, or <see langword="null"/> when the stamp had already moved (nothing changed).</returns>
    public async Task<DateTimeOffset?> SetAsync(AccountRecord account, string expectedStamp, PasswordInput password, string? consumeDigest, CancellationToken cancellationToken)
    {
        var newHash = Hash(password);

        // The linearization point: the write succeeds only while the stamp is still the expected one, and it
        // replaces the stamp. Of any number of concurrent attempts exactly one gets here first.
        var status = await _accounts.ChangePasswordAsync(account.Id, expectedStamp, newHash, AccountRecord.NewSecurityStamp(), cancellationToken).ConfigureAwait(false);
        if (status != StoreWriteStatus.Succeeded)
        {
            return null;
        }

        var changedAt = _context.Now;

        // The token is consumed only after the password changed, so a consumed reset link always means a changed password.
        if (consumeDigest is not null && !await _tokens.ConsumeAsync(consumeDigest, cancellationToken).ConfigureAwait(false))
        {
            // Already dead by stamp; consuming it is housekeeping.
            Log.ResetTokenNotConsumed(_logger, account.Id);
        }

        // Every session and every other token of the account ends (they are also dead by stamp).
        await _tokens.RevokeAllAsync(account.Id, null, cancellationToken).ConfigureAwait(false);
        _mail.QueuePasswordChanged(account, changedAt);
        return changedAt;
    }
}
