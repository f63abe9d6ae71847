using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk;

/// <summary>
/// The SDK's <see cref="IAccountService"/>: the flows of the support article over the ports. Thread-safe; one
/// instance per container (it owns the rate-limit windows and the dummy hash). Split by concern into
/// <c>AccountService.*.cs</c>.
/// </summary>
internal sealed partial class AccountService : IAccountService
{
    /// <summary>
    /// Passwords longer than this (in UTF-16 code units) are refused before any hashing: four times the largest
    /// maximum length the options allow, so no password that could ever have been set is refused.
    /// </summary>
    internal const int MaximumPasswordInputLength = PasswordOptions.MaximumAllowedLength * 4;

    private readonly TrendAccountOptions _options;
    private readonly IAccountStore _accounts;
    private readonly ITokenStore _tokens;
    private readonly IPasswordHasher _hasher;
    private readonly PasswordPolicy _policy;
    private readonly NewPasswordBreachCheck _breachCheck;
    private readonly CredentialNormalizer _normalizer;
    private readonly SerialClassifier _serials;
    private readonly ICaptchaVerifier _captcha;
    private readonly IAccountMailer _mailer;
    private readonly TrendAccountMessages _messages;
    private readonly TimeProvider _time;
    private readonly AccountWorkQueue _work;
    private readonly TrendAccountMetrics _metrics;
    private readonly ILogger _logger;
    private readonly FixedWindowRateLimiter _resetsPerAddress;
    private readonly FixedWindowRateLimiter _resetsPerClient;
    private readonly FixedWindowRateLimiter _recoveriesPerClient;
    private readonly FixedWindowRateLimiter _invalidLinksPerClient;
    private readonly Lazy<string> _dummyHash;

    public AccountService(
        IOptions<TrendAccountOptions> options,
        IAccountStore accounts,
        ITokenStore tokens,
        IPasswordHasher hasher,
        PasswordPolicy policy,
        NewPasswordBreachCheck breachCheck,
        CredentialNormalizer normalizer,
        SerialClassifier serials,
        ICaptchaVerifier captcha,
        IAccountMailer mailer,
        TrendAccountMessages messages,
        TimeProvider time,
        AccountWorkQueue work,
        TrendAccountMetrics metrics,
        ILogger<AccountService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _accounts = accounts ?? throw new ArgumentNullException(nameof(accounts));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _hasher = hasher ?? throw new ArgumentNullException(nameof(hasher));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _breachCheck = breachCheck ?? throw new ArgumentNullException(nameof(breachCheck));
        _normalizer = normalizer ?? throw new ArgumentNullException(nameof(normalizer));
        _serials = serials ?? throw new ArgumentNullException(nameof(serials));
        _captcha = captcha ?? throw new ArgumentNullException(nameof(captcha));
        _mailer = mailer ?? throw new ArgumentNullException(nameof(mailer));
        _messages = messages ?? throw new ArgumentNullException(nameof(messages));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _work = work ?? throw new ArgumentNullException(nameof(work));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));

        var limits = _options.RateLimits;
        _resetsPerAddress = new FixedWindowRateLimiter(limits.PasswordResetPerAddress, time);
        _resetsPerClient = new FixedWindowRateLimiter(limits.PasswordResetPerClient, time);
        _recoveriesPerClient = new FixedWindowRateLimiter(limits.EmailRecoveryPerClient, time);
        _invalidLinksPerClient = new FixedWindowRateLimiter(limits.InvalidResetTokensPerClient, time);

        // The hash that unknown addresses and locked accounts are verified against, so they cost exactly what a
        // wrong password costs: made once, on first use, by the current hasher at the current cost, from a
        // random password nobody knows.
        _dummyHash = new Lazy<string>(() => _hasher.HashPassword(SecureTokens.Issue().Token), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Tells whether a typed password can be checked at all. Empty, oversized, and ill-formed input (lone
    /// surrogates, noncharacters) can never have been set through the policy, so it fails without reaching the
    /// hasher; this is decided from the input alone and reveals nothing about accounts.
    /// </summary>
    private static bool IsUsablePassword(string? password) =>
        !string.IsNullOrEmpty(password) && password.Length <= MaximumPasswordInputLength && IsWellFormed(password);

    private static bool IsWellFormed(string value)
    {
        var span = value.AsSpan();
        while (!span.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf16(span, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
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

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    // No account (or a locked one): spend one verification at the current cost anyway, so the outcome cannot be
    // told apart by time. A hasher with its own dummy hash (IDummyPasswordVerifier) is used as it is; any other
    // hasher verifies against a hash of a random value made once.
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
    private async Task<FailedSignInStatus> RecordFailureAsync(AccountRecord account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lockout = _options.Lockout;
        if (!lockout.Enabled)
        {
            return FailedSignInStatus.Counted;
        }

        var outcome = await _accounts.RecordFailedSignInAsync(account.Id, lockout.MaxFailedAttempts, now + lockout.Duration, now, cancellationToken).ConfigureAwait(false);
        if (outcome.Status == FailedSignInStatus.LockedOut)
        {
            var end = outcome.LockoutEnd ?? now + lockout.Duration;
            _metrics.Lockout();
            Log.AccountLockedOut(_logger, account.Id, Redaction.MaskEmail(account.Email), end);
            QueueMail(new AccountMessage(
                AccountMessageKind.LockoutNotice,
                account.Email,
                _messages.LockoutNoticeSubject,
                _messages.LockoutNoticeTextBody(lockout.MaxFailedAttempts, end),
                _messages.LockoutNoticeHtmlBody(lockout.MaxFailedAttempts, end)));
        }

        return outcome.Status;
    }

    /// <summary>Issues a session bound to the account's current security stamp.</summary>
    private async Task<(string Token, DateTimeOffset ExpiresAt)> IssueSessionAsync(AccountRecord account, DateTimeOffset issuedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var issued = SecureTokens.Issue();
        var expiresAt = Earliest(now + _options.Tokens.SessionIdleTimeout, issuedAt + _options.Tokens.SessionAbsoluteLifetime);
        await _tokens.AddAsync(
            new TokenRecord
            {
                Digest = issued.Digest,
                AccountId = account.Id,
                Purpose = TokenPurpose.Session,
                SecurityStamp = account.SecurityStamp,
                IssuedAt = issuedAt,
                ExpiresAt = expiresAt,
            },
            cancellationToken).ConfigureAwait(false);
        return (issued.Token, expiresAt);
    }

    /// <summary>Queues an email; a failure to send is logged and counted, never thrown into a flow.</summary>
    private void QueueMail(AccountMessage message)
    {
        var maskedTo = Redaction.MaskEmail(message.To);
        if (!_work.TryEnqueue(message.Kind.ToString(), ct => SendAsync(message, maskedTo, ct)))
        {
            _metrics.Mail(message.Kind, "dropped");
        }
    }

    private async Task<bool> SendAsync(AccountMessage message, string maskedTo, CancellationToken cancellationToken)
    {
        try
        {
            await _mailer.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _metrics.Mail(message.Kind, "failed");
            Log.MailFailed(_logger, message.Kind, maskedTo, exception);
            return false;
        }

        _metrics.Mail(message.Kind, "sent");
        Log.MailSent(_logger, message.Kind, maskedTo);
        return true;
    }

    private string DescribePasswordProblems(IReadOnlyList<PasswordProblem> problems) =>
        string.Join(" ", problems.Select(p => _messages.DescribePasswordProblem(p, _options.Password)).Distinct(StringComparer.Ordinal));
}
