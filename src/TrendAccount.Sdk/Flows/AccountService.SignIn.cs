using System.Diagnostics;

namespace TrendAccount.Sdk;

/// <content>Sign-in: one public failure, one bcrypt verification per attempt, lockout, session issue.</content>
internal sealed partial class AccountService
{
    public async Task<SignInResult> SignInAsync(SignInRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("SignIn");
        var email = _normalizer.NormalizeEmail(request.Email);
        var password = _normalizer.NormalizePassword(request.Password);
        var hints = email.Hints | password.Hints;
        if (!email.IsValid || !IsUsablePassword(request.Password))
        {
            // Decided from the input alone: nothing about any account is involved, so nothing is verified.
            return Failed(SignInFailure.InvalidInput, null, hints, activity);
        }

        var now = _time.GetUtcNow();
        var account = await _accounts.FindByLookupKeyAsync(email.LookupKey!, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            // No account: verify against the dummy hash so this costs what a wrong password costs.
            VerifyAgainstDummy(request.Password!);
            return Failed(SignInFailure.UnknownEmail, email.Email, hints, activity);
        }

        if (_options.Lockout.Enabled && account.IsLockedOutAt(now))
        {
            // Locked: the account's hash is not consulted (a right password must not be confirmed while locked),
            // yet the attempt costs one verification like every other.
            VerifyAgainstDummy(request.Password!);
            return Failed(SignInFailure.LockedOut, account.Email, hints, activity);
        }

        var verification = _hasher.VerifyHashedPassword(account.PasswordHash, request.Password!);
        if (verification == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(account, now, cancellationToken).ConfigureAwait(false);
            return Failed(SignInFailure.WrongPassword, account.Email, hints, activity);
        }

        if (account.FailedSignInCount > 0 || account.LockoutEnd is not null)
        {
            await _accounts.ResetFailedSignInsAsync(account.Id, cancellationToken).ConfigureAwait(false);
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await UpgradeHashAsync(account, request.Password!, cancellationToken).ConfigureAwait(false);
        }

        var (token, expiresAt) = await IssueSessionAsync(account, now, now, cancellationToken).ConfigureAwait(false);
        _metrics.SignIn("succeeded");
        Log.SignInSucceeded(_logger, account.Id, Redaction.MaskEmail(account.Email));
        activity.SetOutcome("succeeded", true);
        return new SignInResult
        {
            Status = SignInStatus.Succeeded,
            Message = _messages.SignedIn,
            Hints = hints,
            SessionToken = token,
            ExpiresAt = expiresAt,
            AccountId = account.Id,
        };
    }

    private async Task UpgradeHashAsync(AccountRecord account, string password, CancellationToken cancellationToken)
    {
        var upgraded = _hasher.HashPassword(password);
        var status = await _accounts.UpgradePasswordHashAsync(account.Id, account.PasswordHash, upgraded, cancellationToken).ConfigureAwait(false);
        Log.PasswordHashUpgraded(_logger, account.Id, status);
    }

    private SignInResult Failed(SignInFailure reason, string? email, InputHints hints, Activity? activity)
    {
        var outcome = Outcomes.Of(reason);
        _metrics.SignIn(outcome);
        Log.SignInFailed(_logger, reason, Redaction.MaskEmail(email));

        // The activity carries only the public outcome: traces often leave the trust boundary of logs.
        activity.SetOutcome("failed", false);
        return new SignInResult { Status = SignInStatus.Failed, Message = _messages.WrongInformation, Hints = hints };
    }
}
