using System.Diagnostics;

namespace TrendAccount.Sdk;

/// <content>"Update Password" behind the reset link, and changing the password while signed in.</content>
internal sealed partial class AccountService
{
    public async Task<bool> IsPasswordResetLinkValidAsync(string? token, CancellationToken cancellationToken = default)
    {
        var (_, _, _, reason) = await FindUsableResetLinkAsync(token, cancellationToken).ConfigureAwait(false);
        return reason is null;
    }

    // The checks a reset link passes before its form may change anything: well formed, known, of the reset purpose,
    // unconsumed and unexpired, and issued under the account's current security stamp. On failure, the reason (for
    // the log only) and nulls; on success, the digest, the token record and the account, and a null reason.
    private async Task<(string Digest, TokenRecord Token, AccountRecord Account, string? Reason)> FindUsableResetLinkAsync(string? presented, CancellationToken cancellationToken)
    {
        var digest = SecureTokens.TryComputeDigest(presented);
        var token = digest is null ? null : await _tokens.FindAsync(digest, cancellationToken).ConfigureAwait(false);
        if (digest is null || token is null || token.Purpose != TokenPurpose.PasswordReset || !token.IsActiveAt(_time.GetUtcNow()))
        {
            return (null!, null!, null!, digest is null ? "malformed" : token is null ? "unknown" : token.Purpose != TokenPurpose.PasswordReset ? "wrong purpose" : "expired or used");
        }

        var account = await _accounts.FindByIdAsync(token.AccountId, cancellationToken).ConfigureAwait(false);
        return account is null || !string.Equals(account.SecurityStamp, token.SecurityStamp, StringComparison.Ordinal)
            ? (null!, null!, null!, "credentials changed since issue")
            : (digest, token, account, null);
    }

    public async Task<PasswordResetResult> ResetPasswordAsync(PasswordResetCompletion request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("ResetPassword");
        var hints = _normalizer.NormalizePassword(request.NewPassword).Hints;
        var client = Redaction.ClientKey(request.Client);
        if (_invalidLinksPerClient.IsExhausted(client))
        {
            Log.ResetThrottled(_logger, client);
            return Completed(PasswordResetStatus.Throttled, _messages.TooManyAttempts, hints, "throttled", activity);
        }

        var (digest, token, account, reason) = await FindUsableResetLinkAsync(request.Token, cancellationToken).ConfigureAwait(false);
        if (reason is not null)
        {
            return InvalidLink(reason, client, hints, activity);
        }

        // The policy is checked before anything is written: problems are reported and the link keeps working.
        var validation = await ValidateNewPasswordAsync(request.NewPassword, request.Confirmation, account, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            Log.NewPasswordRejected(_logger, account.Id, string.Join(",", validation.Problems));
            var refused = Completed(PasswordResetStatus.InvalidPassword, DescribePasswordProblems(validation.Problems), hints, "invalid_password", activity);
            return new PasswordResetResult { Status = refused.Status, Message = refused.Message, Hints = hints, PasswordProblems = validation.Problems };
        }

        var newHash = _hasher.HashPassword(request.NewPassword!);

        // The linearization point: the write succeeds only while the stamp is still the one the token was issued
        // under, and it replaces the stamp. Of any number of concurrent redemptions exactly one gets here first;
        // the others find the stamp changed and get the generic answer. The token is consumed only after the
        // password changed, so a consumed token always means a changed password.
        var status = await _accounts.ChangePasswordAsync(account.Id, token.SecurityStamp, newHash, AccountRecord.NewSecurityStamp(), cancellationToken).ConfigureAwait(false);
        if (status != StoreWriteStatus.Succeeded)
        {
            return InvalidLink("lost the race to another redemption", client, hints, activity);
        }

        var changedAt = _time.GetUtcNow();
        if (!await _tokens.TryConsumeAsync(digest, changedAt, cancellationToken).ConfigureAwait(false))
        {
            // Already dead by stamp; consuming it is housekeeping.
            Log.ResetTokenNotConsumed(_logger, account.Id);
        }

        // Every session and every other token of the account ends (they are also dead by stamp).
        await _tokens.RevokeAllAsync(account.Id, null, changedAt, cancellationToken).ConfigureAwait(false);
        QueuePasswordChangedNotice(account, changedAt);
        Log.PasswordReset(_logger, account.Id);
        return Completed(PasswordResetStatus.Succeeded, _messages.PasswordChanged, hints, "succeeded", activity);
    }

    public async Task<ChangePasswordResult> ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("ChangePassword");
        var hints = _normalizer.NormalizePassword(request.NewPassword).Hints;
        var now = _time.GetUtcNow();
        var session = await FindSessionAsync(request.SessionToken, now, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return Changed(ChangePasswordStatus.NotSignedIn, _messages.NotSignedIn, hints, null, activity);
        }

        var (_, token, account) = session.Value;
        var validation = await ValidateNewPasswordAsync(request.NewPassword, request.Confirmation, account, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            Log.NewPasswordRejected(_logger, account.Id, string.Join(",", validation.Problems));
            var refused = Changed(ChangePasswordStatus.InvalidPassword, DescribePasswordProblems(validation.Problems), hints, account.Id, activity);
            return new ChangePasswordResult { Status = refused.Status, Message = refused.Message, Hints = hints, PasswordProblems = validation.Problems };
        }

        // The current password is checked like a sign-in: one verification, lockout counted.
        var current = IsUsablePassword(request.CurrentPassword) ? request.CurrentPassword! : string.Empty;
        if (_options.Lockout.Enabled && account.IsLockedOutAt(now))
        {
            VerifyAgainstDummy(current);
            return Changed(ChangePasswordStatus.CurrentPasswordIncorrect, _messages.CurrentPasswordIncorrect, hints, account.Id, activity);
        }

        if (current.Length == 0 || _hasher.VerifyHashedPassword(account.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(account, now, cancellationToken).ConfigureAwait(false);
            return Changed(ChangePasswordStatus.CurrentPasswordIncorrect, _messages.CurrentPasswordIncorrect, hints, account.Id, activity);
        }

        var newHash = _hasher.HashPassword(request.NewPassword!);
        var status = await _accounts.ChangePasswordAsync(account.Id, account.SecurityStamp, newHash, AccountRecord.NewSecurityStamp(), cancellationToken).ConfigureAwait(false);
        if (status != StoreWriteStatus.Succeeded)
        {
            return Changed(ChangePasswordStatus.Conflict, _messages.PasswordChangeConflict, hints, account.Id, activity);
        }

        var changedAt = _time.GetUtcNow();
        await _tokens.RevokeAllAsync(account.Id, null, changedAt, cancellationToken).ConfigureAwait(false);

        // The new stamp ended every session, the caller's too; the caller gets a replacement that keeps the old
        // session's absolute limit.
        var changed = await _accounts.FindByIdAsync(account.Id, cancellationToken).ConfigureAwait(false);
        string? sessionToken = null;
        DateTimeOffset? expiresAt = null;
        if (changed is not null)
        {
            (sessionToken, expiresAt) = await IssueSessionAsync(changed, token.IssuedAt, changedAt, cancellationToken).ConfigureAwait(false);
        }

        QueuePasswordChangedNotice(account, changedAt);
        Log.PasswordChanged(_logger, account.Id);
        var result = Changed(ChangePasswordStatus.Succeeded, _messages.PasswordChanged, hints, account.Id, activity);
        return new ChangePasswordResult { Status = result.Status, Message = result.Message, Hints = hints, SessionToken = sessionToken, ExpiresAt = expiresAt };
    }

    private async Task<PasswordValidation> ValidateNewPasswordAsync(string? password, string? confirmation, AccountRecord account, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password))
        {
            return PasswordValidation.FromProblems([PasswordProblem.TooShort]);
        }

        if (password.Length > MaximumPasswordInputLength)
        {
            return PasswordValidation.FromProblems([PasswordProblem.TooLong]);
        }

        var serials = await _accounts.FindSerialsByAccountAsync(account.Id, cancellationToken).ConfigureAwait(false);
        var validation = _policy.Validate(password, confirmation ?? string.Empty, new PasswordContext(account.Email, serials.Count > 0 ? serials[0].Serial : null));
        if (validation.IsValid && serials.Count > 1)
        {
            // The policy takes one serial; the other linked serials are checked too.
            for (var i = 1; i < serials.Count && validation.IsValid; i++)
            {
                validation = _policy.Validate(password, confirmation ?? string.Empty, new PasswordContext(account.Email, serials[i].Serial));
            }
        }

        // Breach screening (#14): reset and change, once the policy found nothing.
        return await _breachCheck.ApplyAsync(validation, password, cancellationToken).ConfigureAwait(false);
    }

    private void QueuePasswordChangedNotice(AccountRecord account, DateTimeOffset changedAt) =>
        QueueMail(new AccountMessage(
            AccountMessageKind.PasswordChanged,
            account.Email,
            _messages.PasswordChangedSubject,
            _messages.PasswordChangedTextBody(changedAt),
            _messages.PasswordChangedHtmlBody(changedAt)));

    private PasswordResetResult InvalidLink(string reason, string client, InputHints hints, Activity? activity)
    {
        _invalidLinksPerClient.TryAcquire(client);
        Log.ResetLinkRejected(_logger, reason);
        return Completed(PasswordResetStatus.InvalidLink, _messages.ResetLinkInvalid, hints, "invalid_link", activity);
    }

    private PasswordResetResult Completed(PasswordResetStatus status, string message, InputHints hints, string outcome, Activity? activity)
    {
        _metrics.ResetCompleted(outcome);
        activity.SetOutcome(outcome, status == PasswordResetStatus.Succeeded);
        return new PasswordResetResult { Status = status, Message = message, Hints = hints };
    }

    private ChangePasswordResult Changed(ChangePasswordStatus status, string message, InputHints hints, Guid? accountId, Activity? activity)
    {
        if (status != ChangePasswordStatus.Succeeded)
        {
            Log.ChangePasswordRefused(_logger, status, accountId);
        }

        activity.SetOutcome(Outcomes.Of(status), status == ChangePasswordStatus.Succeeded);
        return new ChangePasswordResult { Status = status, Message = message, Hints = hints };
    }
}
