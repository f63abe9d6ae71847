using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// Sign-in: one public failure for every reason, one verification per attempt (through
/// <see cref="CredentialVerifier"/>), lockout, and a session on success. One per container; thread-safe.
/// </summary>
internal sealed class SignInHandler
{
    private readonly FlowContext _context;
    private readonly CredentialNormalizer _normalizer;
    private readonly IAccountStore _accounts;
    private readonly CredentialVerifier _verifier;
    private readonly TokenService _tokens;
    private readonly ILogger _logger;

    public SignInHandler(FlowContext context, CredentialNormalizer normalizer, IAccountStore accounts, CredentialVerifier verifier, TokenService tokens, ILogger<SignInHandler> logger)
    {
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

        var account = await _accounts.FindByLookupKeyAsync(email.LookupKey!, cancellationToken).ConfigureAwait(false);
        var check = await _verifier.VerifyAsync(account, password, cancellationToken).ConfigureAwait(false);
        switch (check)
        {
            case CredentialCheck.NoAccount:
                return Failed(SignInFailure.UnknownEmail, email.Email, hints, activity);
            case CredentialCheck.LockedOut:
                return Failed(SignInFailure.LockedOut, account!.Email, hints, activity);
            case CredentialCheck.WrongPassword:
                return Failed(SignInFailure.WrongPassword, account!.Email, hints, activity);
        }

        await _verifier.RecordSuccessAsync(account!, password, check, cancellationToken).ConfigureAwait(false);
        var (token, expiresAt) = await _tokens.IssueSessionAsync(account!, _context.Now, cancellationToken).ConfigureAwait(false);
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
        };
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
