using System.Buffers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>What a password check found. Only the log and the metrics ever see anything but the public outcome.</summary>
internal enum CredentialCheck
{
    /// <summary>No account was given (unknown address); one dummy verification was spent.</summary>
    NoAccount,

    /// <summary>The account is locked; the hash was not consulted and one dummy verification was spent.</summary>
    LockedOut,

    /// <summary>The password is wrong; the failure was counted (and may have locked the account).</summary>
    WrongPassword,

    /// <summary>The password is right.</summary>
    Verified,

    /// <summary>The password is right and the stored hash should be replaced by one at the current settings.</summary>
    VerifiedRehashNeeded,
}

/// <summary>How <see cref="CredentialVerifier"/> treats lockout for one check.</summary>
internal enum CredentialMode
{
    /// <summary>A locked account is refused without consulting its hash (change password, linking a serial).</summary>
    Lockout,

    /// <summary>Sign-in from an untrusted client past the step-up: the hash is checked even while locked; failures count.</summary>
    StepUp,

    /// <summary>Sign-in from a trusted device: the hash is checked even while locked; failures are the device's own.</summary>
    TrustedDevice,
}

/// <summary>
/// The one place a password is checked against an account: the equal-work rule, the lockout check, the verification
/// and the failure count live here and nowhere else. Sign-in, linking a serial to an existing account at registration
/// and "change password" all call <c>VerifyAsync</c>. One per container (it owns the dummy hash); thread-safe.
/// </summary>
/// <remarks>
/// Equal work: an unknown address, a locked account and a wrong password each cost exactly one verification at the
/// current cost, so the outcome cannot be told apart by time. A locked account's own hash is never consulted, so a
/// right password is not confirmed while locked.
/// </remarks>
internal sealed class CredentialVerifier
{
    private readonly FlowContext _context;
    private readonly IAccountStore _accounts;
    private readonly IPasswordHasher _hasher;
    private readonly MailComposer _mail;
    private readonly ILogger _logger;
    private readonly IAttemptCounter _counter;
    private readonly Lazy<string> _dummyHash;

    public CredentialVerifier(FlowContext context, IAccountStore accounts, IPasswordHasher hasher, MailComposer mail, IAttemptCounter counter, ILogger<CredentialVerifier> logger)
    {
        ArgumentNullException.ThrowIfNull(counter);
        _counter = counter;
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _accounts = accounts;
        _hasher = hasher;
        _mail = mail;
        _logger = logger;

        // The hash that unknown addresses and locked accounts are verified against, for a hasher without its own
        // (IDummyPasswordVerifier): made once, on first use, at the current cost, from a random password nobody knows.
        _dummyHash = new Lazy<string>(() => _hasher.HashPassword(SecureTokens.Issue().Token), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Tells whether a typed password can be checked at all. Empty, oversized (over
    /// <see cref="CredentialNormalizer.MaximumPasswordInputLength"/>) and ill-formed input (lone surrogates,
    /// noncharacters) can never have been set through the policy, so it fails without reaching the hasher; this is
    /// decided from the input alone and reveals nothing about accounts.
    /// </summary>
    public static bool IsUsable(PasswordInput password) =>
        !password.IsEmpty && (password.Hints & InputHints.Oversized) == 0 && IsWellFormed(password.Value);

    /// <summary>Checks a password against an account (or none), with equal work, lockout and failure counting.</summary>
    /// <param name="account">The account the address belongs to, or <see langword="null"/> for an unknown address.</param>
    /// <param name="password">The normalized password; unusable input (see <see cref="IsUsable"/>) counts as a wrong password without hashing.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    public Task<CredentialCheck> VerifyAsync(AccountRecord? account, PasswordInput password, CancellationToken cancellationToken) =>
        VerifyAsync(account, password, CredentialMode.Lockout, cancellationToken);

    /// <summary>Checks a password as <see cref="VerifyAsync(AccountRecord?, PasswordInput, CancellationToken)"/> does, under a given lockout mode.</summary>
    /// <param name="account">The account the address belongs to, or <see langword="null"/> for an unknown address.</param>
    /// <param name="password">The normalized password.</param>
    /// <param name="mode">
    /// <see cref="CredentialMode.Lockout"/>: a locked account is refused without consulting its hash.
    /// <see cref="CredentialMode.StepUp"/> (sign-in from an untrusted client that passed the step-up): the hash is
    /// checked even while the account is locked, so an attacker cannot keep the owner out; failures still count
    /// toward the account's lockout notice. <see cref="CredentialMode.TrustedDevice"/>: as StepUp, but failures are
    /// the device's own and do not count toward the account.
    /// </param>
    /// <param name="cancellationToken">The cancellation token.</param>
    public async Task<CredentialCheck> VerifyAsync(AccountRecord? account, PasswordInput password, CredentialMode mode, CancellationToken cancellationToken)
    {
        var usable = IsUsable(password);
        var value = usable ? password.Value : string.Empty;
        if (account is null)
        {
            VerifyAgainstDummy(value);
            return CredentialCheck.NoAccount;
        }

        var now = _context.Now;
        if (mode == CredentialMode.Lockout && _context.Lockout.Enabled && account.IsLockedOutAt(now))
        {
            VerifyAgainstDummy(value);
            return CredentialCheck.LockedOut;
        }

        var verification = usable ? VerifyStoredHash(account, value) : PasswordVerificationResult.Failed;
        if (verification == PasswordVerificationResult.Failed)
        {
            if (mode != CredentialMode.TrustedDevice)
            {
                await RecordFailureAsync(account, now, cancellationToken).ConfigureAwait(false);
            }

            return CredentialCheck.WrongPassword;
        }

        return verification == PasswordVerificationResult.SuccessRehashNeeded ? CredentialCheck.VerifiedRehashNeeded : CredentialCheck.Verified;
    }

    /// <summary>After a verified password was acted on: clears the failure count and upgrades an outdated hash.</summary>
    public async Task RecordSuccessAsync(AccountRecord account, PasswordInput password, CredentialCheck check, CancellationToken cancellationToken)
    {
        if (account.FailedSignInCount > 0 || account.LockoutEnd is not null)
        {
            await _accounts.ResetFailedSignInsAsync(account.Id, cancellationToken).ConfigureAwait(false);
        }

        if (check == CredentialCheck.VerifiedRehashNeeded)
        {
            var upgraded = _hasher.HashPassword(password.Value);
            var status = await _accounts.UpgradePasswordHashAsync(account.Id, account.PasswordHash, upgraded, cancellationToken).ConfigureAwait(false);
            Log.PasswordHashUpgraded(_logger, account.Id, status);
        }
    }

    private static bool IsWellFormed(string value)
    {
        var span = value.AsSpan();
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out var rune, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            // Noncharacters: U+FDD0..U+FDEF and the last two code points of every plane.
            if (rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE)
            {
                return false;
            }

            span = span[consumed..];
        }

        return true;
    }

    // The SDK's hasher also says when a stored hash is corrupt (unrecognized, or its cost above the ceiling): the
    // failure costs the same as any other, and the log says why.
    private PasswordVerificationResult VerifyStoredHash(AccountRecord account, string password)
    {
        if (_hasher is not BcryptPasswordHasher bcrypt)
        {
            return _hasher.VerifyHashedPassword(account.PasswordHash, password);
        }

        var result = bcrypt.Verify(account.PasswordHash, password, out var verdict);
        if (verdict != StoredHashVerdict.Usable)
        {
            Log.StoredHashCorrupt(_logger, account.Id, verdict);
        }

        return result;
    }

    // No account (or a locked one): spend one verification at the current cost anyway. A hasher with its own dummy
    // hash (IDummyPasswordVerifier) is used as it is; any other hasher verifies against a hash of a random value.
    private void VerifyAgainstDummy(string password)
    {
        if (_hasher is IDummyPasswordVerifier dummy)
        {
            _ = dummy.VerifyDummyHash(password);
        }
        else
        {
            _ = _hasher.VerifyHashedPassword(_dummyHash.Value, password);
        }
    }

    /// <summary>Counts a failed password check; the one caller that locks the account mails the lockout notice.</summary>
    private async Task RecordFailureAsync(AccountRecord account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lockout = _context.Lockout;
        if (!lockout.Enabled)
        {
            return;
        }

        var outcome = await _accounts.RecordFailedSignInAsync(account.Id, lockout.MaximumFailedAttempts, now + lockout.Duration, now, cancellationToken).ConfigureAwait(false);
        if (outcome.Status == FailedSignInStatus.LockedOut)
        {
            var end = outcome.LockoutEnd ?? now + lockout.Duration;
            _context.Metrics.Lockout();
            Log.AccountLockedOut(_logger, account.Id, Redaction.MaskEmail(account.Email), end);

            // Coalesced: at most one notice per account per lockout window, even when the owner's successful
            // sign-ins clear the count and an attacker at once spends the budget again.
            var notice = await _counter.TryAddAsync(LimitKeys.LockoutNotice(account.Id), 1, lockout.Duration, cancellationToken).ConfigureAwait(false);
            if (notice.Added)
            {
                _mail.QueueLockoutNotice(account, lockout.MaximumFailedAttempts, end);
            }
        }
    }
}
