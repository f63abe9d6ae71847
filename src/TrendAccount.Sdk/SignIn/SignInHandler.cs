using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// Sign-in: admission first (<see cref="SignInGuard"/>: device trust, per-client limit, captcha step-up, a
/// verification slot), then one public failure for every reason, one verification per attempt (through
/// <see cref="CredentialVerifier"/>), and a session and a fresh device token on success. One per container; thread-safe.
/// </summary>
internal sealed class SignInHandler
{
    private readonly FlowContext _context;
    private readonly CredentialNormalizer _normalizer;
    private readonly IAccountStore _accounts;
    private readonly CredentialVerifier _verifier;
    private readonly TokenService _tokens;
    private readonly SignInGuard _guard;
    private readonly ILogger _logger;

    public SignInHandler(FlowContext context, CredentialNormalizer normalizer, IAccountStore accounts, CredentialVerifier verifier, TokenService tokens, SignInGuard guard, ILogger<SignInHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(guard);
        _guard = guard;
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _normalizer = normalizer;
        _accounts = accounts;
        _verifier = verifier;
        _tokens = tokens;
        _logger = logger;
    }

    public async Task<SignInResult> SignInAsync(SignInRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("SignIn");
        var email = _normalizer.NormalizeEmail(request.Email);
        var password = _normalizer.NormalizePassword(request.Password);
        var hints = email.Hints | password.Hints;
        if (!email.IsValid || !CredentialVerifier.IsUsable(password))
        {
            // Decided from the input alone: nothing about any account is involved, so nothing is verified.
            return Failed(SignInFailure.InvalidInput, null, hints, activity);
        }

        var lookupKey = email.LookupKey!;
        var admission = await _guard.AdmitAsync(request, lookupKey, cancellationToken).ConfigureAwait(false);
        switch (admission.Decision)
        {
            case SignInDecision.CaptchaRequired:
                return Refused(SignInStatus.CaptchaRequired, _context.Messages.SignInCaptchaRequired, null, hints, activity);
            case SignInDecision.TryAgainLater:
                return Refused(SignInStatus.TryAgainLater, _context.Messages.TryAgainShortly, admission.RetryAfter, hints, activity);
        }

        AccountRecord? account;
        CredentialCheck check;
        try
        {
            account = await _accounts.FindByLookupKeyAsync(lookupKey, cancellationToken).ConfigureAwait(false);
            var mode = admission.Trusted ? CredentialMode.TrustedDevice : CredentialMode.StepUp;
            check = await _verifier.VerifyAsync(account, password, mode, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _guard.Release(admission);
        }

        switch (check)
        {
            case CredentialCheck.NoAccount:
                await _guard.RecordFailureAsync(admission, lookupKey, email.Email!, cancellationToken).ConfigureAwait(false);
                return Failed(SignInFailure.UnknownEmail, email.Email, hints, activity);
            case CredentialCheck.WrongPassword:
                await _guard.RecordFailureAsync(admission, lookupKey, email.Email!, cancellationToken).ConfigureAwait(false);
                return Failed(SignInFailure.WrongPassword, account!.Email, hints, activity);
            case CredentialCheck.LockedOut:
                // Not produced in the sign-in modes; kept so that no future mode can fall through to a session.
                return Failed(SignInFailure.LockedOut, account!.Email, hints, activity);
        }

        await _verifier.RecordSuccessAsync(account!, password, check, cancellationToken).ConfigureAwait(false);
        var (token, expiresAt) = await _tokens.IssueSessionAsync(account!, _context.Now, cancellationToken).ConfigureAwait(false);
        var deviceToken = await _guard.RecordSuccessAsync(admission, lookupKey, cancellationToken).ConfigureAwait(false);
        _context.Metrics.SignIn("succeeded");
        Log.SignInSucceeded(_logger, account!.Id, Redaction.MaskEmail(account.Email));
        activity.SetOutcome("succeeded", true);
        return new SignInResult
        {
            Status = SignInStatus.Succeeded,
            Message = _context.Messages.SignedIn,
            Hints = hints,
            SessionToken = token,
            ExpiresAt = expiresAt,
            AccountId = account.Id,
            DeviceToken = deviceToken,
        };
    }

    private SignInResult Refused(SignInStatus status, string message, TimeSpan? retryAfter, InputHints hints, Activity? activity)
    {
        var outcome = Outcomes.Of(status);
        _context.Metrics.SignIn(outcome);
        activity.SetOutcome(outcome, false);
        return new SignInResult { Status = status, Message = message, Hints = hints, RetryAfter = retryAfter };
    }

    private SignInResult Failed(SignInFailure reason, string? email, InputHints hints, Activity? activity)
    {
        _context.Metrics.SignIn(Outcomes.Of(reason));
        Log.SignInFailed(_logger, reason, Redaction.MaskEmail(email));

        // The activity carries only the public outcome: traces often leave the trust boundary of logs.
        activity.SetOutcome("failed", false);
        return new SignInResult { Status = SignInStatus.Failed, Message = _context.Messages.WrongInformation, Hints = hints };
    }
}
